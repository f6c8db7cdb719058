import { describe, expect, it } from 'vitest';
import { awayAnnouncement, awayLine } from './awayText.js';

describe('awayText', () => {
  it('says until which day the household is away, without leading zeros', () => {
    expect(awayLine('2026-12-05')).toBe('12月5日まで留守にしています');
    expect(awayAnnouncement('2027-01-10')).toBe(
      '1月10日まで留守にしています。帰ったら、下の「帰りました」を押してください',
    );
  });
});
