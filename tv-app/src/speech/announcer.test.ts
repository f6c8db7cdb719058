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
});
