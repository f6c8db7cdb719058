import { describe, expect, it } from 'vitest';
import {
  BOX_CODE_STORAGE_KEY,
  groupDigits,
  isBoxCode,
  luhnDigit,
  readBoxCode,
  readDigitsAloud,
} from './boxCode.js';

const memory = () => {
  const m = new Map<string, string>();
  return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v), m };
};

describe('box code', () => {
  it('is made once, with a check digit, and kept', () => {
    const store = memory();
    let n = 0;
    const code = readBoxCode(store, () => n++ % 10);
    expect(code).toBe(`0123456${luhnDigit('0123456')}`);
    expect(isBoxCode(code)).toBe(true);
    expect(store.m.get(BOX_CODE_STORAGE_KEY)).toBe(code);
    expect(readBoxCode(store, () => 9)).toBe(code);
  });

  it('replaces a stored value that is not a valid code', () => {
    const store = memory();
    store.setItem(BOX_CODE_STORAGE_KEY, '12345678');
    expect(isBoxCode('12345678')).toBe(false);
    expect(isBoxCode(readBoxCode(store))).toBe(true);
  });

  it('catches one wrong digit and two swapped neighbours', () => {
    const code = readBoxCode(memory(), () => 7);
    expect(isBoxCode(`8${code.slice(1)}`)).toBe(false);
    // The textbook example: 7992739871 takes 3.
    expect(luhnDigit('7992739871')).toBe(3);
    const good = `1234567${luhnDigit('1234567')}`;
    expect(isBoxCode(good)).toBe(true);
    expect(isBoxCode(`2134567${good.slice(-1)}`)).toBe(false);
  });

  it('is shown in groups of four and read one digit at a time', () => {
    expect(groupDigits('12345678')).toBe('1234 5678');
    expect(readDigitsAloud('1234 5678')).toBe('いち、に、さん、よん。ご、ろく、なな、はち');
    expect(readDigitsAloud('0265-78-4111')).toBe('ゼロ、に、ろく、ご。なな、はち。よん、いち、いち、いち');
  });
});
