import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeRhythm, encodeMasks } from './rhythm-codec';

describe('rhythm codec', () => {
  it('round-trips any list of 24-bit day masks, three bytes a day', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 0xffffff }), { maxLength: 80 }), (masks) => {
        const bytes = encodeMasks(masks);
        expect(bytes.length).toBe(masks.length * 3);
        expect(decodeRhythm(20_000, 20_010, bytes)).toEqual({ day0: 20_000, since: 20_010, masks });
      }),
    );
  });

  it('stores 7:00 and 19:00 as the bits a migration from JSON produces', () => {
    expect(encodeMasks([(1 << 7) | (1 << 19)]).toString('hex')).toBe('080080');
  });
});
