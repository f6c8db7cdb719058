import { describe, expect, it } from 'vitest';
import { SpeechQueue } from './speechQueue.js';

/** An engine that records what it was asked to read and lets the test say when reading ends. */
function engine(focusNow?: () => string | undefined) {
  const log: string[] = [];
  let current: number | undefined;
  const q = new SpeechQueue(
    {
      start(id, text) {
        current = id;
        log.push(`start ${text}`);
      },
      stop() {
        log.push('stop');
        current = undefined;
      },
    },
    focusNow,
  );
  return {
    q,
    log,
    /** The engine finishes what it is reading. */
    finish() {
      if (current === undefined) throw new Error('nothing is being read');
      const id = current;
      current = undefined;
      log.push('end');
      q.ended(id);
    },
  };
}

describe('SpeechQueue', () => {
  it('never cuts a confirmation with the focus announcement that follows it', () => {
    const e = engine();
    e.q.say('注文を取り消しました', 'confirm');
    e.q.say('12月4日のお届け', 'focus');
    e.q.say('12月5日のお届け', 'focus');
    expect(e.log).toEqual(['start 注文を取り消しました']);
    e.finish();
    // Only the latest focus is read, after the confirmation.
    expect(e.log).toEqual(['start 注文を取り消しました', 'end', 'start 12月5日のお届け']);
  });

  it('reads confirmations in order, each to the end', () => {
    const e = engine();
    e.q.say('留守を登録しました。お気をつけて。', 'confirm');
    e.q.say('お気に入りに入れました', 'confirm');
    e.finish();
    e.finish();
    expect(e.log).toEqual([
      'start 留守を登録しました。お気をつけて。',
      'end',
      'start お気に入りに入れました',
      'end',
    ]);
  });

  it('lets the latest focus replace focus speech at once', () => {
    const e = engine();
    e.q.say('お買い物', 'focus');
    e.q.say('タクシー', 'focus');
    expect(e.log).toEqual(['start お買い物', 'stop', 'start タクシー']);
  });

  it('lets a confirmation interrupt focus speech, then reads where focus is now', () => {
    let focus = 'りんご';
    const e = engine(() => focus);
    e.q.say('りんご', 'focus');
    e.q.say('いつ帰りますか？', 'confirm');
    // The list changed under the focus without a focus announcement.
    focus = '明日 帰ります';
    e.finish();
    expect(e.log).toEqual(['start りんご', 'stop', 'start いつ帰りますか？', 'end', 'start 明日 帰ります']);
  });

  it('keeps a page intro through focus moves on the page and drops it on leaving the page', () => {
    const e = engine();
    e.q.say('お買い物。矢印で売り場を選んで、決定を押してください。', 'intro');
    e.q.say('野菜', 'focus');
    e.q.say('果物', 'focus');
    expect(e.log).toEqual(['start お買い物。矢印で売り場を選んで、決定を押してください。']);
    e.q.leavePage();
    expect(e.log.slice(1)).toEqual(['stop', 'start 果物']);
  });

  it('does not drop a confirmation when the page changes', () => {
    const e = engine();
    e.q.say('注文を受け付けました', 'confirm');
    e.q.leavePage();
    e.q.say('カート。カート、2点、500円', 'intro');
    e.finish();
    expect(e.log).toEqual(['start 注文を受け付けました', 'end', 'start カート。カート、2点、500円']);
  });

  it('ignores an end that arrives for an utterance it already stopped', () => {
    const e = engine();
    e.q.say('お買い物', 'focus');
    e.q.say('タクシー', 'focus');
    e.q.ended(1);
    e.q.say('お知らせ', 'focus');
    // タクシー was still being read, so お知らせ replaced it instead of waiting.
    expect(e.log).toEqual(['start お買い物', 'stop', 'start タクシー', 'stop', 'start お知らせ']);
  });
});
