/**
 * The characters a Zengin transfer file accepts in C (text) fields: JIS X 0201 digits, upper-case
 * Latin letters, space, large half-width katakana with separate voicing marks, and `( ) - .`.
 * Small kana (ｧｨｩｪｫｬｭｮｯ) and the long-vowel mark ｰ are not accepted by banks.
 */
const ALLOWED = new Set<string>([
  ...'0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ ()-.',
  ...'ｦｱｲｳｴｵｶｷｸｹｺｻｼｽｾｿﾀﾁﾂﾃﾄﾅﾆﾇﾈﾉﾊﾋﾌﾍﾎﾏﾐﾑﾒﾓﾔﾕﾖﾗﾘﾙﾚﾛﾜﾝﾞﾟ',
]);

export function isZenginChar(ch: string): boolean {
  return ALLOWED.has(ch);
}

/** The first character that is not allowed, or undefined when the whole text is valid. */
export function findInvalidZenginChar(text: string): string | undefined {
  for (const ch of text) if (!ALLOWED.has(ch)) return ch;
  return undefined;
}
