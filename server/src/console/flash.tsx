import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';

/**
 * The console's one flash-message convention. After a POST the handler redirects with
 * `redirectWithFlash(c, url, { kind, text })`; the next page reads it once with `takeFlash(c)` and
 * passes it to `Layout` (`flash={takeFlash(c)}`), which draws it above the page.
 *
 * The message travels in a short-lived, same-site, HTTP-only cookie rather than the query string,
 * so a link cannot make the console show text the server did not write, and a reload does not
 * show it again.
 */
export type FlashKind = 'notice' | 'error' | 'warning';
export interface Flash {
  kind: FlashKind;
  text: string;
}

const COOKIE = 'engawa_flash';
const MAX_TEXT = 300;

export function setFlash(c: Context, flash: Flash): void {
  setCookie(
    c,
    COOKIE,
    encodeURIComponent(JSON.stringify({ kind: flash.kind, text: flash.text.slice(0, MAX_TEXT) })),
    {
      httpOnly: true,
      sameSite: 'Strict',
      path: '/console',
      maxAge: 60,
    },
  );
}

export function redirectWithFlash(c: Context, url: string, flash: Flash) {
  setFlash(c, flash);
  return c.redirect(url, 303);
}

/** Reads and clears the pending message; undefined when there is none (or it is not ours). */
export function takeFlash(c: Context): Flash | undefined {
  const raw = getCookie(c, COOKIE);
  if (raw === undefined) return undefined;
  deleteCookie(c, COOKIE, { path: '/console' });
  try {
    const v: unknown = JSON.parse(decodeURIComponent(raw));
    if (
      v &&
      typeof v === 'object' &&
      'kind' in v &&
      'text' in v &&
      (v.kind === 'notice' || v.kind === 'error' || v.kind === 'warning') &&
      typeof v.text === 'string'
    )
      return { kind: v.kind, text: v.text.slice(0, MAX_TEXT) };
  } catch {
    /* a mangled cookie shows nothing */
  }
  return undefined;
}

/** The one markup of a flash message (see docs/console.md, "flash messages"). */
export function FlashMessage(props: { flash?: Flash | undefined }) {
  const f = props.flash;
  if (!f) return null;
  if (f.kind === 'error')
    return (
      <p id="flash" class="error" role="alert" data-live-keep>
        {f.text}
      </p>
    );
  return (
    <p id="flash" class={f.kind} role="status" data-live-keep>
      {f.text}
    </p>
  );
}
