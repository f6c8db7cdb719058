import { describe, expect, it } from 'vitest';
import { ZenginFormatError } from './errors';
import { numericField, textField, truncateKana } from './fields';

describe('numericField', () => {
  it('right-aligns and zero-fills', () => {
    expect(numericField(12345, 10, 'x').toString('latin1')).toBe('0000012345');
    expect(numericField('150', 3, 'x').toString('latin1')).toBe('150');
  });
  it('refuses values that do not fit, negatives, fractions and non-digits', () => {
    expect(() => numericField(12345678901, 10, '引落金額')).toThrow(/引落金額/);
    expect(() => numericField(-1, 10, 'x')).toThrow(ZenginFormatError);
    expect(() => numericField(1.5, 10, 'x')).toThrow(ZenginFormatError);
    expect(() => numericField('12a', 4, 'x')).toThrow(ZenginFormatError);
  });
});

describe('textField', () => {
  it('left-aligns and space-fills by encoded bytes', () => {
    // ｲ = 0xB2, ﾅ = 0xC5 in JIS X 0201.
    expect([...textField('ｲﾅ', 5, 'x')]).toEqual([0xb2, 0xc5, 0x20, 0x20, 0x20]);
  });
  it('cuts at the width', () => {
    expect([...textField('ABCDEF', 4, 'x')]).toEqual([0x41, 0x42, 0x43, 0x44]);
  });
  it('never leaves a base kana without its voicing mark at the cut', () => {
    // ﾀ ﾞ would straddle bytes 4-5: the ﾀ goes too and byte 4 is padding.
    expect([...textField('ﾔﾏﾀﾞ', 3, 'x')]).toEqual([0xd4, 0xcf, 0x20]);
    expect([...textField('ﾔﾏﾀﾞ', 4, 'x')]).toEqual([0xd4, 0xcf, 0xc0, 0xde]);
    expect([...textField('ﾊﾟ', 1, 'x')]).toEqual([0x20]);
    expect(truncateKana('ﾔﾏﾀﾞ ﾊﾅｺ', 3)).toBe('ﾔﾏ');
    expect(truncateKana('ﾔﾏﾀﾞ ﾊﾅｺ', 5)).toBe('ﾔﾏﾀﾞ ');
  });
  it('refuses characters outside the Zengin set', () => {
    expect(() => textField('ﾔﾏﾀﾞｰ', 10, '預金者名')).toThrow(/預金者名.*"ｰ"/);
    expect(() => textField('abc', 10, 'x')).toThrow(ZenginFormatError);
  });
});
