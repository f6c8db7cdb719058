import type { Speaker } from './speaker.js';

/** Components on the focus path can offer text to read when they gain focus. */
export interface Announcing {
  announce?: string | (() => string | undefined);
  /** Pages: read once before the focused item when the resident arrives on the page. */
  pageTitle?: string;
}

let speaker: Speaker | undefined;
let lastAnnounced = '';

export function setSpeaker(s: Speaker): void {
  speaker = s;
}

export function announce(text: string): void {
  if (!text) return;
  lastAnnounced = text;
  speaker?.speak(text);
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

/**
 * The innermost component that has something to say speaks for the focused item. On arriving at a
 * page that has a `pageTitle`, the title comes first, so the resident knows where they are.
 */
export function announceFocusPath(path: readonly unknown[]): string | undefined {
  let page: unknown;
  for (const c of path) if (typeof (c as Announcing | null)?.pageTitle === 'string') page = c;
  const arrived = page !== undefined && page !== lastTitledPage;
  lastTitledPage = page;
  for (let i = path.length - 1; i >= 0; i--) {
    let text = textOf(path[i]);
    if (!text) continue;
    const title = (page as Announcing | undefined)?.pageTitle;
    if (arrived && title && path[i] !== page && !text.startsWith(title)) text = `${title}。${text}`;
    announce(text);
    return text;
  }
  return undefined;
}
