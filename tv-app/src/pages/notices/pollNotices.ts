import { confirmNotice, getNotices, postActivity, type NoticesView } from '../../api/watch.js';
import { showOverlay } from '../../ui.js';

export const NOTICE_POLL_MS = 30_000;

export interface NoticePollerOptions {
  intervalMs?: number;
  fetch?: () => Promise<NoticesView>;
}

/**
 * Shows due reminders, the gentle greeting and the "お元気ですか？" check full screen, one at a time, over any page.
 * 決定 confirms (and counts as a key press for watching); 戻る leaves a reminder pending, so it
 * comes back on a later poll and stays in the お知らせ list.
 */
export function startNoticePolling(options: NoticePollerOptions = {}): {
  stop(): void;
  poll(): Promise<void>;
} {
  const fetchNotices = options.fetch ?? (() => getNotices());
  let busy = false;
  const poll = async () => {
    if (busy) return;
    busy = true;
    try {
      const view = await fetchNotices();
      for (const n of view.pending) {
        const answer = await showOverlay({
          // Late, it must not look due now: 「昨日 18:30 のお知らせ」, not a bare 「お知らせ」.
          title: n.late ? n.dueLabel : 'お知らせ',
          body: n.text,
          hint: '決定ボタンを押してください',
        });
        if (answer === 'ok') await confirmNotice(n.id);
      }
      if (view.check) {
        const answer = await showOverlay({
          title: 'お元気ですか？',
          body: 'お変わりなければ、決定ボタンを押してください。',
          hint: '決定ボタンを押してください',
        });
        if (answer === 'ok') await postActivity('keys');
      } else if (view.greeting) {
        // Asks nothing: a friendly word after a long quiet stretch. 決定 closes it, and that key is
        // all engawa needs to know the resident is fine; unanswered, the question follows later.
        const answer = await showOverlay({
          title: view.greeting,
          body: 'いつも見てくださって、ありがとうございます。',
          hint: '決定ボタンで閉じます',
        });
        if (answer === 'ok') await postActivity('keys');
      }
    } catch {
      // Offline or not registered: try again on the next poll.
    } finally {
      busy = false;
    }
  };
  const first = setTimeout(() => void poll(), 1_000);
  const timer = setInterval(() => void poll(), options.intervalMs ?? NOTICE_POLL_MS);
  return {
    stop: () => {
      clearTimeout(first);
      clearInterval(timer);
    },
    poll,
  };
}
