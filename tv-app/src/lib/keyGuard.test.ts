import { describe, expect, it } from 'vitest';
import { ARROW_REPEAT_MS, KeyGuard, QUIET_MS } from './keyGuard.js';

const key = (name: string, repeat = false) => ({ name, repeat });

describe('KeyGuard', () => {
  it('lets single presses through when no screen changed', () => {
    const g = new KeyGuard();
    expect(g.accept(key('Enter'), 0)).toBe(true);
    expect(g.accept(key('Enter'), 40)).toBe(true);
    expect(g.accept(key('Yellow'), 80)).toBe(true);
    expect(g.ignored).toBe(0);
  });

  it('ignores auto-repeats of 決定, 戻る, colour and number keys', () => {
    const g = new KeyGuard();
    for (const name of ['Enter', 'Back', 'Red', 'Green', 'Yellow', 'Blue', 'Num']) {
      expect(g.accept(key(name, true), 10_000)).toBe(false);
    }
    expect(g.ignored).toBe(7);
  });

  it('lets a held arrow repeat, at most once per ARROW_REPEAT_MS', () => {
    const g = new KeyGuard();
    expect(g.accept(key('Down'), 0)).toBe(true);
    const accepted = [30, 60, 90, 120, 150, 180, 210, 240].filter((t) => g.accept(key('Down', true), t));
    expect(accepted).toEqual([120, 240]);
    expect(ARROW_REPEAT_MS).toBe(120);
  });

  it('swallows a whole 40 ms burst of 25 keys after the screen change it caused', () => {
    const g = new KeyGuard();
    expect(g.accept(key('Yellow'), 1000)).toBe(true);
    g.screenChanged(1005);
    const later = Array.from({ length: 24 }, (_, i) => 1040 + i * 40);
    expect(later.filter((t) => g.accept(key(t % 80 === 0 ? 'Enter' : 'Yellow'), t))).toEqual([]);
    // The burst ran for about a second, longer than one quiet period: each ignored key restarted it.
    expect(later.at(-1)! - 1005).toBeGreaterThan(QUIET_MS);
    expect(g.isOpen(later.at(-1)! + QUIET_MS - 1)).toBe(false);
    expect(g.ignored).toBe(24);
  });

  it('takes a deliberate press once the keys have been quiet for QUIET_MS', () => {
    const g = new KeyGuard();
    g.screenChanged(0);
    expect(g.isOpen(QUIET_MS - 1)).toBe(false);
    expect(g.accept(key('Enter'), QUIET_MS - 1)).toBe(false);
    // That refused press restarted the quiet period.
    expect(g.accept(key('Enter'), QUIET_MS + 10)).toBe(false);
    expect(g.isOpen(2 * QUIET_MS + 9)).toBe(false);
    expect(g.accept(key('Enter'), 2 * QUIET_MS + 10)).toBe(true);
  });

  it('counts a key stamped before the change but handled after it as part of the burst', () => {
    const g = new KeyGuard();
    g.screenChanged(1000);
    expect(g.accept(key('Enter'), 990)).toBe(false);
    expect(g.isOpen(1000 + QUIET_MS)).toBe(true);
  });

  it('ignores arrows too during the quiet period', () => {
    const g = new KeyGuard();
    g.screenChanged(0);
    expect(g.accept(key('Down'), 100)).toBe(false);
    expect(g.accept(key('Down'), 100 + QUIET_MS)).toBe(true);
  });
});
