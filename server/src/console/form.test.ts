import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AppError } from '../lib/errors';
import type { AppEnv } from '../lib/router';
import { consoleForm } from './form';

const Line = z.object({
  name: z.string().trim().min(1, '名前を入れてください'),
  qty: z.coerce.number().int().min(1),
});

function appWith(onInvalid?: Parameters<typeof consoleForm>[1]) {
  const app = new Hono<AppEnv>();
  app.onError((e, c) =>
    e instanceof AppError ? c.json({ code: e.code, message: e.message }, e.status) : c.text('boom', 500),
  );
  app.post('/f', consoleForm(Line, onInvalid), (c) => c.json(c.req.valid('form')));
  return app;
}
const post = (app: Hono<AppEnv>, body: Record<string, string>) =>
  app.request('/f', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(body).toString(),
  });

describe('consoleForm', () => {
  it('hands the handler the parsed form', async () => {
    const res = await post(appWith(), { name: ' たまご ', qty: '2' });
    expect(await res.json()).toEqual({ name: 'たまご', qty: 2 });
  });

  it('refuses a bad form with a 400 naming the field when the page has no way to redraw', async () => {
    const res = await post(appWith(), { name: '', qty: '2' });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { message: string }).message).toContain('「name」: 名前を入れてください');
  });

  it('gives the page what was typed and the error of each field to draw the form again', async () => {
    const res = await post(
      appWith((c, refused) => c.json(refused, 422)),
      { name: '', qty: 'abc' },
    );
    expect(res.status).toBe(422);
    const body = (await res.json()) as { values: Record<string, string>; errors: Record<string, string> };
    expect(body.values).toEqual({ name: '', qty: 'abc' });
    expect(body.errors.name).toBe('名前を入れてください');
    expect(Object.keys(body.errors).sort()).toEqual(['name', 'qty']);
  });
});
