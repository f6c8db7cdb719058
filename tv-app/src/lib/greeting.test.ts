import { describe, expect, it } from 'vitest';
import { greetResidents, timeOfDayGreeting } from './greeting.js';

describe('greetResidents', () => {
  it('greets by Tokyo time although the machine clock is UTC', () => {
    // 22:30 UTC is 07:30 the next morning in Tokyo.
    expect(timeOfDayGreeting(new Date('2026-11-22T22:30:00Z'))).toBe('おはようございます');
    expect(timeOfDayGreeting(new Date('2026-11-23T03:00:00Z'))).toBe('こんにちは');
    expect(timeOfDayGreeting(new Date('2026-11-23T10:00:00Z'))).toBe('こんばんは');
  });

  it('names every resident of the household', () => {
    const noon = new Date('2026-11-23T03:00:00Z');
    expect(greetResidents(['山田 花子', '山田 太郎'], noon)).toBe('山田 花子さん、山田 太郎さん、こんにちは');
    expect(greetResidents([], noon)).toBe('こんにちは');
  });
});
