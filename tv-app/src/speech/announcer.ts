import { silentSpeaker, type Speaker } from './speaker.js';
import { SpeechQueue, type SpeechKind } from './speechQueue.js';

/** Components on the focus path can offer text to read when they gain focus. */
export interface Announcing {
  announce?: string | (() => string | undefined);
  /** Pages: read once before the focused item when the resident arrives on the page. */
  pageTitle?: string;
}

let speaker: Speaker = silentSpeaker;
let queue = createQueue();
let lastAnnounced = '';

function createQueue(): SpeechQueue {
  return new SpeechQueue(
    {
      start: (id, text) => speaker.speak(text, () => queue.ended(id)),
      stop: () => speaker.cancel(),
    },
    () => innermostText(lastPath),
  );
}

export function setSpeaker(s: Speaker): void {
  speaker.cancel();
  speaker = s;
  queue = createQueue();
}

/**
 * Reads `text` aloud. The default, `confirm`, is for the answer to something the resident did: it
 * is read to the end, whatever focus does next. Feedback that a newer press makes stale (a quantity
 * while ←/→ are held) is `focus`.
 */
export function announce(text: string, kind: SpeechKind = 'confirm'): void {
  if (!text) return;
  lastAnnounced = text;
  queue.say(text, kind);
}

export function lastAnnouncement(): string {
  return lastAnnounced;
}

function textOf(component: unknown): string | undefined {
  const value = (component as Announcing | null)?.announce;
  const text = typeof value === 'function' ? value.call(component) : value;
  return typeof text === 'string' && text ? text : undefined;
}

let lastTitledPage: unknown;
let lastPath: readonly unknown[] = [];

function innermostText(path: readonly unknown[]): string | undefined {
  for (let i = path.length - 1; i >= 0; i--) {
    const text = textOf(path[i]);
    if (text) return text;
  }
  return undefined;
}

/**
 * The innermost component that has something to say speaks for the focused item. On arriving at a
 * page that has a `pageTitle`, the title comes first, so the resident knows where they are; a page
 * that has its own text (instructions, the cart's summary) has it read in full as its intro before
 * the focused item.
 */
export function announceFocusPath(path: readonly unknown[]): string | undefined {
  let page: unknown;
  for (const c of path) if (typeof (c as Announcing | null)?.pageTitle === 'string') page = c;
  lastPath = [...path];
  const changed = page !== lastTitledPage;
  const arrived = changed && page !== undefined;
  lastTitledPage = page;
  if (changed) queue.leavePage();
  const title = (page as Announcing | undefined)?.pageTitle;
  let spoken: string | undefined;
  let intro: string | undefined;
  if (arrived) {
    const pageText = textOf(page);
    if (title && pageText && path[path.length - 1] !== page) {
      intro = pageText.startsWith(title) ? pageText : `${title}。${pageText}`;
      announce(intro, 'intro');
      spoken = intro;
    }
  }
  for (let i = path.length - 1; i >= 0; i--) {
    let text = textOf(path[i]);
    if (!text) continue;
    if (path[i] === page && intro) break;
    if (arrived && !intro && title && path[i] !== page && !text.startsWith(title)) text = `${title}。${text}`;
    announce(text, 'focus');
    return text;
  }
  return spoken;
}
