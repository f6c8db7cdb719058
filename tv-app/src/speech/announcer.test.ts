import { describe, expect, it } from 'vitest';
import { announceFocusPath, lastAnnouncement, setSpeaker } from './announcer.js';

describe('announceFocusPath', () => {
  it('speaks the innermost text on the focus path', () => {
    const spoken: string[] = [];
    setSpeaker({ speak: (t) => spoken.push(t), cancel() {} });
    const page = { announce: 'お買い物のページ' };
    const tile = {
      label: 'タクシー',
      announce(this: { label: string }) {
        return this.label;
      },
    };
    expect(announceFocusPath([{}, page, tile, {}])).toBe('タクシー');
    expect(announceFocusPath([{}, page])).toBe('お買い物のページ');
    expect(spoken).toEqual(['タクシー', 'お買い物のページ']);
    expect(lastAnnouncement()).toBe('お買い物のページ');
  });

  it('stays silent when nothing on the path has text', () => {
    const spoken: string[] = [];
    setSpeaker({ speak: (t) => spoken.push(t), cancel() {} });
    expect(announceFocusPath([{}, { announce: '' }, null])).toBeUndefined();
    expect(spoken).toEqual([]);
  });

  it('reads the page title first when arriving on a titled page, then only the items', () => {
    const spoken: string[] = [];
    setSpeaker({ speak: (t) => spoken.push(t), cancel() {} });
    const shop = { pageTitle: 'お買い物' };
    const home = { pageTitle: 'はじめの画面' };
    announceFocusPath([{}, shop, { announce: 'りんご' }]);
    announceFocusPath([{}, shop, { announce: '牛乳' }]);
    announceFocusPath([{}, home, { announce: 'お買い物' }]);
    announceFocusPath([{}, shop, { announce: 'お買い物。準備中です' }]);
    expect(spoken).toEqual(['お買い物。りんご', '牛乳', 'はじめの画面。お買い物', 'お買い物。準備中です']);
  });
});

describe('announceFocusPath on a page with its own text', () => {
  it('reads the page text in full on arrival, then the focused item after it', () => {
    const log: string[] = [];
    const ends: Array<() => void> = [];
    setSpeaker({
      speak: (t, done) => {
        log.push(t);
        ends.push(done);
      },
      cancel: () => log.push('cancel'),
    });
    const cart = { pageTitle: 'カート', announce: 'カート、2点、500円' };
    announceFocusPath([{}, cart, { announce: '注文する' }]);
    announceFocusPath([{}, cart, { announce: 'りんご、2点' }]);
    expect(log).toEqual(['カート、2点、500円']);
    ends.at(-1)!();
    expect(log).toEqual(['カート、2点、500円', 'りんご、2点']);
  });
});
