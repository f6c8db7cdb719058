/** Sentence ends a part may already carry; joining must not add another (「。。」 is read as a pause twice). */
const END = /[。．.！!？?]+$/;

/**
 * Joins spoken parts into sentences: empty parts dropped, each part ended with exactly one 「。」
 * unless it already ends with a sentence mark of its own (「？」 stays).
 */
export function joinSentences(parts: ReadonlyArray<string | null | undefined | false>): string {
  return parts
    .map((p) => (typeof p === 'string' ? p.trim() : ''))
    .filter((p) => p.replace(/[。、\s]/g, '') !== '')
    .map((p) => p.replace(/^[。、\s]+/, '').replace(/[、\s]+$/, ''))
    .map((p) => (/[！!？?]$/.test(p) ? p : `${p.replace(END, '')}。`))
    .join('');
}
