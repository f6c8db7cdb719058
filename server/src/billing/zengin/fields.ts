import iconv from 'iconv-lite';
import { findInvalidZenginChar } from './charset';
import { ZenginFormatError } from './errors';

export const ENCODING = 'Shift_JIS';
export const RECORD_BYTES = 120;
const SPACE = 0x20;
const QUESTION_MARK = 0x3f;

/** N field: right-aligned, zero-filled digits. Refuses values that would not fit rather than cut them. */
export function numericField(value: number | string, width: number, label: string): Buffer {
  const digits = typeof value === 'number' ? String(value) : value;
  if (typeof value === 'number' && (!Number.isSafeInteger(value) || value < 0)) {
    throw new ZenginFormatError(`${label}: ${value} is not a non-negative integer`);
  }
  if (!/^\d*$/.test(digits)) throw new ZenginFormatError(`${label}: "${digits}" must be digits only`);
  if (digits.length > width)
    throw new ZenginFormatError(`${label}: "${digits}" is longer than ${width} digits`);
  return Buffer.from(digits.padStart(width, '0'), 'latin1');
}

// Shift_JIS bytes of ﾞ and ﾟ.
const VOICING_BYTES = new Set([0xde, 0xdf]);

/**
 * Cuts encoded text to `maxBytes`. A voiced kana is two bytes (ｶﾞ), so when the cut would leave a
 * base character without its mark, the base goes too. Every allowed character is one byte in
 * Shift_JIS, so a byte cut never lands inside a character.
 */
export function fitBytes(encoded: Buffer, maxBytes: number): Buffer {
  if (encoded.length <= maxBytes) return encoded;
  let end = maxBytes;
  if (end > 0 && VOICING_BYTES.has(encoded[end]!)) end--;
  return encoded.subarray(0, end);
}

/** The text as it will appear in a field of `maxBytes` bytes. */
export function truncateKana(text: string, maxBytes: number): string {
  return iconv.decode(fitBytes(iconv.encode(text, ENCODING), maxBytes), ENCODING);
}

/** C field: left-aligned, space-filled, measured in Shift_JIS bytes; truncates without splitting a voiced kana. */
export function textField(text: string, width: number, label: string): Buffer {
  const bad = findInvalidZenginChar(text);
  if (bad !== undefined)
    throw new ZenginFormatError(`${label}: "${text}" contains "${bad}", not allowed in a Zengin file`);
  const encoded = iconv.encode(text, ENCODING);
  // Allowed characters never include '?', so one here means the encoder replaced something.
  if (encoded.includes(QUESTION_MARK))
    throw new ZenginFormatError(`${label}: "${text}" cannot be encoded as Shift_JIS`);
  const out = Buffer.alloc(width, SPACE);
  fitBytes(encoded, width).copy(out);
  return out;
}

export function blankField(width: number): Buffer {
  return Buffer.alloc(width, SPACE);
}

export function assembleRecord(parts: Buffer[]): Buffer {
  const record = Buffer.concat(parts);
  if (record.length !== RECORD_BYTES) {
    throw new Error(`internal: record is ${record.length} bytes, expected ${RECORD_BYTES}`);
  }
  return record;
}
