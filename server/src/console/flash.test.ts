import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { redirectWithFlash, takeFlash } from './flash';

const app = new Hono();
app.post('/console/x', (c) => redirectWithFlash(c, '/console/x', { kind: 'notice', text: '保存しました' }));
app.get('/console/x', (c) => c.json(takeFlash(c) ?? null));

const cookieOf = (res: Response) => res.headers.get('set-cookie')!.split(';')[0]!;

describe('console flash messages', () => {
  it('shows the message of the previous POST once, then clears it', async () => {
    const posted = await app.request('/console/x', { method: 'POST' });
    expect(posted.status).toBe(303);
    expect(posted.headers.get('set-cookie')).toMatch(/HttpOnly/);
    expect(posted.headers.get('set-cookie')).toMatch(/SameSite=Strict/);
    const shown = await app.request('/console/x', { headers: { cookie: cookieOf(posted) } });
    expect(await shown.json()).toEqual({ kind: 'notice', text: '保存しました' });
    expect(shown.headers.get('set-cookie')).toMatch(/engawa_flash=;.*Max-Age=0/);
  });

  it('shows nothing for a mangled or foreign cookie', async () => {
    for (const value of [
      '%7B',
      encodeURIComponent('{"kind":"script","text":"x"}'),
      encodeURIComponent('[1]'),
    ]) {
      const res = await app.request('/console/x', { headers: { cookie: `engawa_flash=${value}` } });
      expect(await res.json()).toBeNull();
    }
  });

  it('never takes a message from the query string', async () => {
    const res = await app.request('/console/x?done=%E5%81%BD&msg=x');
    expect(await res.json()).toBeNull();
  });
});
