/**
 * Line-break tokens for Lightning's text wrapper, which only breaks between tokens. Japanese has no
 * spaces, so words come from Intl.Segmenter; kinsoku rules keep closing punctuation, the long-vowel
 * mark and small kana off the start of a line and opening brackets off its end.
 */
const NO_LINE_START = new Set([
  ...'、。，．・：；？！ー〜…‥」』）］｝〉》】〕”’ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ々ゝゞヽヾ,.!?)]}',
]);
const NO_LINE_END = new Set([...'「『（［｛〈《【〔“‘([{']);

export interface TokenSpan {
  tokens: string[];
}

let segmenter: Intl.Segmenter | undefined;

function splitWords(text: string): string[] {
  if (typeof Intl === 'undefined' || typeof Intl.Segmenter !== 'function') return [...text];
  segmenter ??= new Intl.Segmenter('ja', { granularity: 'word' });
  return Array.from(segmenter.segment(text), (s) => s.segment);
}

/** Spaces become their own tokens, as Lightning's default tokenizer does. */
export function tokenizeJapanese(text: string): TokenSpan[] {
  const tokens: string[] = [];
  let carry = '';
  for (const word of splitWords(text)) {
    for (const piece of word.split(/( )/)) {
      if (piece === '') continue;
      if (piece === ' ') {
        if (carry) tokens.push(carry);
        carry = '';
        tokens.push(' ');
        continue;
      }
      let token = carry + piece;
      carry = '';
      const last = tokens[tokens.length - 1];
      if (last !== undefined && last !== ' ' && NO_LINE_START.has(token[0]!)) {
        tokens[tokens.length - 1] = last + token;
        token = '';
      }
      if (token === '') continue;
      if (NO_LINE_END.has(token[token.length - 1]!)) carry = token;
      else tokens.push(token);
    }
  }
  if (carry) tokens.push(carry);
  return [{ tokens }];
}
