import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { familyContacts, mailOutbox, products, setTopBoxes, staffUsers } from '../../../../db/src/schema';
import { createTestContext, tableCounts, type TestContext } from '../../../../test/helpers/context';
import { enqueueMail } from '../../mail/outbox';

let ctx: TestContext;
beforeEach(async () => {
  ctx = await createTestContext();
});
afterEach(() => ctx.close());

const form = (headers: Record<string, string>, body: Record<string, string | string[]>) => {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(body)) for (const one of [v].flat()) p.append(k, one);
  return {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' },
    body: p.toString(),
  };
};

const product = (over: Record<string, string> = {}) => ({
  name: '高遠そば',
  kana: 'たかとおそば',
  categoryId: '7',
  priceYen: '480',
  taxRate: '8',
  unit: '1袋',
  weightG: '300',
  stock: '12',
  active: 'on',
  ...over,
});

const sellerOf = async (id: number) =>
  (await ctx.db.select().from(products).where(eq(products.id, id)).get())!;
const firstProductOf = async (sellerId: number) =>
  (await ctx.db.select().from(products).where(eq(products.sellerId, sellerId)).limit(1).get())!;

describe('admin console: who may use which page', () => {
  it.each([
    ['city', '/console/admin'],
    ['support', '/console/admin/products'],
    ['driver', '/console/admin/products'],
    ['store', '/console/admin/staff'],
    ['store', '/console/admin/households'],
    ['callcentre', '/console/admin/mail'],
    ['city', '/console/admin/audit'],
  ])('refuses %s on %s with 403', async (login, path) => {
    const res = await ctx.request(path, { headers: await ctx.login(login) });
    expect(res.status).toBe(403);
  });

  it('lets store staff edit only their own seller’s products', async () => {
    const h = await ctx.login('store-drug');
    const own = await firstProductOf(2);
    const other = await firstProductOf(1);
    const list = await (await ctx.request('/console/admin/products', { headers: h })).text();
    expect(list).toContain(own.name);
    expect(list).not.toContain(other.name);

    expect((await ctx.request(`/console/admin/products/${other.id}`, { headers: h })).status).toBe(404);
    const before = tableCounts(ctx);
    const refused = await ctx.request(
      `/console/admin/products/${other.id}`,
      form(h, product({ categoryId: '19' })),
    );
    expect(refused.status).toBe(404);
    expect((await sellerOf(other.id)).name).toBe(other.name);
    expect(tableCounts(ctx)).toEqual(before);

    // A category of the other seller is refused in the form; nothing is written.
    const wrongCat = await ctx.request('/console/admin/products', form(h, product({ categoryId: '7' })));
    expect(wrongCat.status).toBe(400);
    expect(tableCounts(ctx)).toEqual(before);

    const ok = await ctx.request(
      `/console/admin/products/${own.id}`,
      form(h, product({ name: '湿布 大判', categoryId: '19', stock: '0' })),
    );
    expect(ok.status).toBe(303);
    expect(await sellerOf(own.id)).toMatchObject({
      name: '湿布 大判',
      stock: 0,
      sellerId: 2,
      kana: 'たかとおそば',
    });
  });
});

describe('admin console: refused input writes nothing', () => {
  it('keeps a product form with what was typed and names the wrong fields', async () => {
    const h = await ctx.login('admin');
    const before = tableCounts(ctx);
    const res = await ctx.request(
      '/console/admin/products',
      form(h, product({ priceYen: '12.5', taxRate: '5', kana: 'soba' })),
    );
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('value="高遠そば"');
    expect(html).toContain('価格は整数で入れてください');
    expect(html).toContain('税率は8%か10%を選んでください');
    expect(html).toContain('よみはひらがなかカタカナで入れてください');
    expect(html).toContain('aria-invalid="true"');
    expect(tableCounts(ctx)).toEqual(before);
  });

  it('adds a family contact with a phone number, audited; a bad phone or a taken order writes nothing', async () => {
    const h = await ctx.login('admin');
    const contact = {
      residentId: '1',
      name: '山田 一郎',
      relation: '長男',
      email: 'ichiro@example.jp',
      priority: '7',
    };
    const before = tableCounts(ctx);
    const bad = await ctx.request(
      '/console/admin/households/1/contacts',
      form(h, { ...contact, phone: '123' }),
    );
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('電話番号は0から始まる10〜11桁で入れてください');
    expect(tableCounts(ctx)).toEqual(before);

    // A resident of another household is not this page's to edit.
    const elsewhere = await ctx.request(
      '/console/admin/households/2/contacts',
      form(h, { ...contact, phone: '090-1111-2222' }),
    );
    expect(elsewhere.status).toBe(404);
    expect(tableCounts(ctx)).toEqual(before);

    const ok = await ctx.request(
      '/console/admin/households/1/contacts',
      form(h, { ...contact, phone: '０９０－１１１１－２２２２' }),
    );
    expect(ok.status).toBe(303);
    const row = await ctx.db
      .select()
      .from(familyContacts)
      .where(eq(familyContacts.email, 'ichiro@example.jp'))
      .get();
    expect(row).toMatchObject({ phone: '090-1111-2222', priority: 7, residentId: 1 });
    const audit = ctx.sqlite
      .prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'family_contact.create'")
      .get() as { n: number };
    expect(audit.n).toBe(1);

    const after = tableCounts(ctx);
    const taken = await ctx.request(
      '/console/admin/households/1/contacts',
      form(h, { ...contact, email: 'x@example.jp', phone: '' }),
    );
    expect(taken.status).toBe(409);
    expect(await taken.text()).toContain('連絡の順番7はこの方の別の連絡先が使っています');
    expect(tableCounts(ctx)).toEqual(after);
  });

  it('refuses a support worker account without a hamlet, and a taken login id', async () => {
    const h = await ctx.login('admin');
    const before = tableCounts(ctx);
    const noHamlet = await ctx.request(
      '/console/admin/staff',
      form(h, { name: '新人', loginId: 'newbie', role: 'support_worker', hamletId: '', sellerId: '' }),
    );
    expect(noHamlet.status).toBe(400);
    expect(await noHamlet.text()).toContain('集落支援員は担当の集落を選んでください');
    const taken = await ctx.request(
      '/console/admin/staff',
      form(h, { name: '重複', loginId: 'store', role: 'driver' }),
    );
    expect(taken.status).toBe(409);
    expect(tableCounts(ctx)).toEqual(before);
  });

  it('refuses taxi settings the API would refuse (a discount above the lowest fare) without saving', async () => {
    const h = await ctx.login('admin');
    const page = await (await ctx.request('/console/admin/settings', { headers: h })).text();
    expect(page).toContain('value="09:00"');
    const before = tableCounts(ctx);
    const res = await ctx.request(
      '/console/admin/settings/taxi',
      form(h, {
        'hours.weekdays': ['1', '3'],
        'hours.start': '15:00',
        'hours.end': '09:00',
        minNoticeMinutes: '30',
        pickupWindowMinutes: '10',
        noShowGraceMinutes: '5',
        'fares.standard': '500',
        'fares.licenceReturned': '250',
        'fares.disabled': '250',
        'fares.channelDiscount.tv': '300',
        'fares.channelDiscount.call_centre': '0',
      }),
    );
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('運行の終わりは始まりより後にしてください');
    expect(html).toContain('割引（300円）が一番安い運賃（250円）を超えています');
    expect(tableCounts(ctx)).toEqual(before);
  });
});

describe('admin console: boxes, accounts and mail', () => {
  it('pairs a replacement box whose token works once shown, and the old one stops', async () => {
    const h = await ctx.login('admin');
    const old = ctx.device(1);
    expect((await ctx.request('/api/tv/me', { headers: old })).status).not.toBe(401);
    const oldBox = (await ctx.db.select().from(setTopBoxes).where(eq(setTopBoxes.householdId, 1)).get())!;
    // The list links to a page that asks first; opening it changes nothing.
    const ask = await ctx.request(`/console/admin/boxes/${oldBox.id}/unpair`, { headers: h });
    expect(ask.status).toBe(200);
    expect(await ask.text()).toContain('端末を解除しますか');
    expect((await ctx.request('/api/tv/me', { headers: old })).status).toBe(200);
    const res = await ctx.request(`/console/admin/boxes/${oldBox.id}/replace`, form(h, {}));
    expect(res.status).toBe(201);
    const token = /data-token[^>]*>([^<]+)</.exec(await res.text())![1]!.trim();
    expect((await ctx.request('/api/tv/me', { headers: old })).status).toBe(401);
    expect((await ctx.request('/api/tv/me', { headers: { authorization: `Bearer ${token}` } })).status).toBe(
      200,
    );
    const stored = await ctx.db.select().from(setTopBoxes).where(eq(setTopBoxes.householdId, 1)).all();
    expect(stored.map((b) => b.tokenHash)).not.toContain(token);
  });

  it('creates an account whose shown password logs in, and a disabled one cannot', async () => {
    const h = await ctx.login('admin');
    const res = await ctx.request(
      '/console/admin/staff',
      form(h, { name: '中尾 支援', loginId: 'support-nakao', role: 'support_worker', hamletId: '1' }),
    );
    expect(res.status).toBe(201);
    const password = /data-password[^>]*>([^<]+)</.exec(await res.text())![1]!.trim();
    const row = (await ctx.db
      .select()
      .from(staffUsers)
      .where(eq(staffUsers.loginId, 'support-nakao'))
      .get())!;
    expect(row.passwordHash).not.toContain(password);
    expect(row).toMatchObject({ role: 'support_worker', hamletId: 1, sellerId: null });
    await ctx.login('support-nakao', password);
    expect((await ctx.request(`/console/admin/staff/${row.id}/disable`, form(h, {}))).status).toBe(303);
    await expect(ctx.login('support-nakao', password)).rejects.toThrow();
  });

  it("refuses to reset the admin's own password (it would end the session showing it), and writes nothing", async () => {
    const h = await ctx.login('admin');
    const me = (await ctx.db.select().from(staffUsers).where(eq(staffUsers.loginId, 'admin')).get())!;
    const before = tableCounts(ctx);
    const res = await ctx.request(`/console/admin/staff/${me.id}/password`, form(h, {}));
    expect(res.status).toBe(303);
    expect(tableCounts(ctx)).toEqual(before);
    expect((await ctx.db.select().from(staffUsers).where(eq(staffUsers.id, me.id)).get())!.passwordHash).toBe(
      me.passwordHash,
    );
    const page = await ctx.request(res.headers.get('location')!, {
      headers: { cookie: [h.cookie, res.headers.get('set-cookie')!.split(';')[0]].join('; ') },
    });
    expect(await page.text()).toContain('自分のパスワードはここでは再発行できません');
  });

  it('hurries a waiting mail but never resends a sent one', async () => {
    const h = await ctx.login('admin');
    const now = ctx.clock.now();
    await enqueueMail(ctx.db, { dedupeKey: 'test:1', to: 'a@example.jp', subject: 's', text: 't' }, now);
    const m = (await ctx.db.select().from(mailOutbox).where(eq(mailOutbox.dedupeKey, 'test:1')).get())!;
    await ctx.db
      .update(mailOutbox)
      .set({ attempts: 2, lastError: '550 no', nextAttemptAt: new Date(now.getTime() + 3_600_000) })
      .where(eq(mailOutbox.id, m.id))
      .run();
    const page = await (await ctx.request('/console/admin/mail?state=failed', { headers: h })).text();
    expect(page).toContain('a@example.jp');
    expect(page).toContain('550 no');
    expect((await ctx.request(`/console/admin/mail/${m.id}/retry`, form(h, {}))).status).toBe(303);
    expect(
      (await ctx.db.select().from(mailOutbox).where(eq(mailOutbox.id, m.id)).get())!.nextAttemptAt.getTime(),
    ).toBe(now.getTime());

    await ctx.db.update(mailOutbox).set({ state: 'sent', sentAt: now }).where(eq(mailOutbox.id, m.id)).run();
    const before = tableCounts(ctx);
    const refused = await ctx.request(`/console/admin/mail/${m.id}/retry`, form(h, {}));
    expect(refused.status).toBe(303);
    expect((await ctx.db.select().from(mailOutbox).where(eq(mailOutbox.id, m.id)).get())!.state).toBe('sent');
    expect(tableCounts(ctx)).toEqual(before);
    expect((await ctx.request('/console/admin/mail/999999/retry', form(h, {}))).status).toBe(404);
  });

  it('names actors in the audit log by name and role, in Japanese', async () => {
    const h = await ctx.login('admin');
    await ctx.login('support');
    const html = await (await ctx.request('/console/admin/audit?action=login', { headers: h })).text();
    expect(html).toContain('支援 久美子（集落支援員）');
    expect(html).not.toMatch(/support_worker（staff:\d+）/);
    expect(html).toMatch(/2026年11月23日\(月\) 09:00/);
    expect((await ctx.request('/console/admin/audit?from=2026-13-40', { headers: h })).status).toBe(200);
  });
});
