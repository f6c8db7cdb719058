export const BOX_CODE_STORAGE_KEY = 'engawa.boxCode';
const DIGITS = 8;

export interface CodeStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/** Luhn check digit: one misheard or swapped digit read over the phone is caught by the call centre. */
export function luhnDigit(digits: string): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 0) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

export function isBoxCode(code: string): boolean {
  return /^\d{8}$/.test(code) && luhnDigit(code.slice(0, -1)) === Number(code.slice(-1));
}

/**
 * This box's code for the call centre: 7 random digits and a check digit, made once and kept in
 * the box's storage, so the number the resident reads out today is the same tomorrow. It is no
 * secret (it grants nothing): the call centre only notes it with the registration request.
 */
export function readBoxCode(store: CodeStore, randomDigit: () => number = secureDigit): string {
  const kept = store.getItem(BOX_CODE_STORAGE_KEY);
  if (kept && isBoxCode(kept)) return kept;
  let body = '';
  for (let i = 0; i < DIGITS - 1; i++) body += String(randomDigit());
  const code = body + String(luhnDigit(body));
  store.setItem(BOX_CODE_STORAGE_KEY, code);
  return code;
}

function secureDigit(): number {
  const buf = new Uint8Array(1);
  // Rejection sampling keeps the digits uniform (250 is the largest multiple of 10 below 256).
  do crypto.getRandomValues(buf);
  while (buf[0]! >= 250);
  return buf[0]! % 10;
}

/** 「1234 5678」: two groups of four, as printed and as read out. */
export const groupDigits = (code: string): string => code.replace(/(\d{4})(?=\d)/g, '$1 ');

const READING = ['ゼロ', 'いち', 'に', 'さん', 'よん', 'ご', 'ろく', 'なな', 'はち', 'きゅう'];

/**
 * Read one digit at a time, groups apart (「ゼロ、に、ろく、ご。…」): a number read as a quantity
 * (「にせんろっぴゃく…」) cannot be written down over the phone.
 */
export function readDigitsAloud(text: string): string {
  return text
    .split(/[\s-]+/)
    .filter(Boolean)
    .map((group) => [...group].map((d) => READING[Number(d)] ?? d).join('、'))
    .join('。');
}
