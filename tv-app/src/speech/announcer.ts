import type { Speaker } from './speaker.js';

/** Components on the focus path can offer text to read when they gain focus. */
export interface Announcing {
  announce?: string | (() => string | undefined);
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

/** The innermost component that has something to say speaks for the focused item. */
export function announceFocusPath(path: readonly unknown[]): string | undefined {
  for (let i = path.length - 1; i >= 0; i--) {
    const text = textOf(path[i]);
    if (text) {
      announce(text);
      return text;
    }
  }
  return undefined;
}
