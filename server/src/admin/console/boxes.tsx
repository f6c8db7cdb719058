import { Hono, type Context } from 'hono';
import { and, asc, eq, isNull, notExists, sql } from 'drizzle-orm';
import { z } from 'zod';
import { households, setTopBoxes } from '../../../../db/src/schema';
import { requireStaffPage } from '../../auth/staff-auth';
import { Layout } from '../../console/layout';
import { redirectWithFlash, takeFlash } from '../../console/flash';
import { consoleForm, idOf } from '../../console/form';
import { AppError, notFound } from '../../lib/errors';
import type { AppEnv } from '../../lib/router';
import { listBoxes, ONLINE_WINDOW_MS } from '../box-status';
import { pairBox, unpairBox } from '../boxes';
import { pairByCode } from '../box-pairing';
import { Field, jaDateTime, ScrollTable, SelectField } from './ui';

const BASE = '/console/admin/boxes';

export const boxesPage = new Hono<AppEnv>();
boxesPage.use('*', requireStaffPage('admin'));

const STATES = [
  { value: 'online', label: '接続中' },
  { value: 'offline', label: '未接続' },
  { value: 'revoked', label: '解除済み' },
];

boxesPage.get('/', async (c) => {
  const { db, clock } = c.var.deps;
  const now = clock.now();
  const state = STATES.some((s) => s.value === c.req.query('state')) ? c.req.query('state')! : '';
  const householdRaw = c.req.query('household');
  const householdId = householdRaw && /^[1-9]\d{0,8}$/.test(householdRaw) ? Number(householdRaw) : null;
  const rows = (
    await listBoxes(db, now, householdId === null ? undefined : eq(setTopBoxes.householdId, householdId))
  ).filter((b) =>
    state === ''
      ? b.revokedAt === null
      : state === 'revoked'
        ? b.revokedAt !== null
        : b.revokedAt === null && b.online === (state === 'online'),
  );
  const unpaired = await db
    .select({ id: households.id, name: households.name })
    .from(households)
    .where(
      notExists(
        db
          .select({ one: sql`1` })
          .from(setTopBoxes)
          .where(and(eq(setTopBoxes.householdId, households.id), isNull(setTopBoxes.revokedAt))),
      ),
    )
    .orderBy(asc(households.id))
    .all();
  return c.html(
    <Layout title="テレビ端末" staff={c.var.staff} flash={takeFlash(c)}>
      <p class="hint">
        最後の通信から{ONLINE_WINDOW_MS / 60_000}
        分以内の端末を「接続中」としています。端末の鍵はハッシュで保存し、登録のときに一度だけ表示します。
      </p>
      <form method="get" action={BASE} style="display:flex;gap:1rem;align-items:end;flex-wrap:wrap">
        {householdId !== null ? <input type="hidden" name="household" value={String(householdId)} /> : null}
        <SelectField label="状態" name="state" value={state} options={STATES} empty="使用中すべて" />
        <div class="field">
          <button type="submit">絞り込む</button>
        </div>
        {householdId !== null ? (
          <div class="field">
            <a href={BASE}>すべての世帯を表示</a>
          </div>
        ) : null}
      </form>
      <ScrollTable label="テレビ端末の一覧">
        <thead>
          <tr>
            <th scope="col">世帯</th>
            <th scope="col">集落</th>
            <th scope="col">端末</th>
            <th scope="col">状態</th>
            <th scope="col">最後の通信</th>
            <th scope="col">登録</th>
            <th scope="col">操作</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((b) => (
            <tr>
              <td>
                <a href={`/console/admin/households/${b.householdId}`}>{b.householdName}</a>
              </td>
              <td>{b.hamletName}</td>
              <td>{b.deviceId}</td>
              <td>
                {b.revokedAt ? (
                  <span class="badge neutral">解除済み</span>
                ) : b.online ? (
                  <span class="badge ok">接続中</span>
                ) : (
                  <span class="badge bad">未接続</span>
                )}
              </td>
              <td>{jaDateTime(b.lastHeartbeatAt)}</td>
              <td>
                {jaDateTime(b.pairedAt)}
                {b.revokedAt ? <span class="hint">解除：{jaDateTime(b.revokedAt)}</span> : null}
              </td>
              <td>
                {b.revokedAt ? null : (
                  <span style="display:flex;gap:0.5rem;flex-wrap:wrap">
                    <a
                      class="button secondary"
                      href={`${BASE}/${b.boxId}/replace`}
                      aria-label={`${b.householdName}の端末を交換`}
                    >
                      交換
                    </a>
                    <a
                      class="button secondary"
                      href={`${BASE}/${b.boxId}/unpair`}
                      aria-label={`${b.householdName}の端末を解除`}
                    >
                      解除
                    </a>
                  </span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </ScrollTable>
      {rows.length === 0 ? <p>該当する端末はありません。</p> : null}
      <section aria-labelledby="pair-code">
        <h2 id="pair-code">テレビの番号で登録</h2>
        <p class="hint">
          登録されていないテレビは、画面に8けたの番号を表示しています。お電話で聞いた番号と世帯を選ぶと、そのテレビがそのまま使えるようになります（鍵の入力はいりません）。
        </p>
        {unpaired.length === 0 ? (
          <p>すべての世帯に端末があります。交換は一覧の「交換」からできます。</p>
        ) : (
          <form
            method="post"
            action={`${BASE}/pair-code`}
            style="display:flex;gap:1rem;align-items:end;flex-wrap:wrap"
          >
            <Field label="テレビの番号（8けた）" name="code" value="" inputmode="numeric" required />
            <SelectField
              label="世帯"
              name="householdId"
              value={householdId === null ? '' : String(householdId)}
              options={unpaired.map((h) => ({ value: String(h.id), label: h.name }))}
            />
            <div class="field">
              <button type="submit">この番号のテレビを登録</button>
            </div>
          </form>
        )}
      </section>
      <section aria-labelledby="pair">
        <h2 id="pair">端末を登録</h2>
        {unpaired.length === 0 ? (
          <p>すべての世帯に端末があります。交換は一覧の「交換」からできます。</p>
        ) : (
          <form
            method="post"
            action={`${BASE}/pair`}
            style="display:flex;gap:1rem;align-items:end;flex-wrap:wrap"
          >
            <SelectField
              label="世帯"
              name="householdId"
              value={householdId === null ? '' : String(householdId)}
              options={unpaired.map((h) => ({ value: String(h.id), label: h.name }))}
            />
            <div class="field">
              <button type="submit">新しい端末を登録</button>
            </div>
          </form>
        )}
      </section>
    </Layout>,
  );
});

/** The token is shown on this one response and never again (only its hash is stored). */
function pairedPage(c: Context<AppEnv>, p: { deviceId: string; token: string }, householdName: string) {
  return c.html(
    <Layout title="端末を登録しました" staff={c.var.staff}>
      <p class="notice" role="status">
        {householdName}の端末（{p.deviceId}）を登録しました。
      </p>
      <p>次の鍵を端末の設定画面に入れてください。この画面を離れると二度と表示できません。</p>
      <p>
        <code
          style="font-size:1.5rem;padding:0.5rem 1rem;background:#fff;border:2px solid #1a2b5c;display:inline-block;word-break:break-all"
          data-token
        >
          {p.token}
        </code>
      </p>
      <p>
        <a class="button" href={BASE}>
          端末の一覧へ戻る
        </a>
      </p>
    </Layout>,
    201,
  );
}

const nameOf = async (c: Context<AppEnv>, householdId: number) =>
  (
    await c.var.deps.db
      .select({ name: households.name })
      .from(households)
      .where(eq(households.id, householdId))
      .get()
  )?.name ?? '';

const refusal = (c: Context<AppEnv>, e: unknown) => {
  if (e instanceof AppError && e.status === 409)
    return redirectWithFlash(c, BASE, { kind: 'error', text: e.message });
  throw e;
};

boxesPage.post(
  '/pair',
  consoleForm(z.object({ householdId: z.coerce.number().int().positive() })),
  async (c) => {
    const { householdId } = c.req.valid('form');
    try {
      const p = await pairBox(
        c.var.deps.db,
        { type: 'staff', id: c.var.staff.id },
        householdId,
        null,
        c.var.deps.clock.now(),
      );
      return pairedPage(c, p, await nameOf(c, householdId));
    } catch (e) {
      return refusal(c, e);
    }
  },
);

/** Pairs the number a TV shows; the TV collects its own token, so nothing secret is shown here. */
boxesPage.post(
  '/pair-code',
  consoleForm(
    z.object({ code: z.string().trim().min(1).max(40), householdId: z.coerce.number().int().positive() }),
  ),
  async (c) => {
    const { code, householdId } = c.req.valid('form');
    try {
      await pairByCode(
        c.var.deps.db,
        { type: 'staff', id: c.var.staff.id },
        code,
        householdId,
        null,
        c.var.deps.clock.now(),
      );
    } catch (e) {
      if (e instanceof AppError && e.status < 500)
        return redirectWithFlash(c, BASE, {
          kind: 'error',
          text: e.status === 404 && e.code === 'not_found' ? '世帯が見つかりません' : e.message,
        });
      throw e;
    }
    return redirectWithFlash(c, BASE, {
      kind: 'notice',
      text: `${await nameOf(c, householdId)}のテレビを登録しました。数秒でテレビの画面が切り替わります`,
    });
  },
);

/**
 * Replacing or unpairing cuts a resident's TV off at once, so the list only links here and this
 * page asks before the POST.
 */
const CONFIRM = {
  replace: {
    title: '端末を交換しますか',
    text: '今の端末はすぐに使えなくなり、新しい端末の鍵を一度だけ表示します。',
    button: '交換する',
  },
  unpair: {
    title: '端末を解除しますか',
    text: 'この端末はすぐに使えなくなります。お買い物・タクシー・見守りはテレビから使えなくなります。',
    button: '解除する',
  },
} as const;

for (const action of ['replace', 'unpair'] as const)
  boxesPage.get(`/:id/${action}`, async (c) => {
    const boxId = idOf(c.req.param('id'));
    const box = (await listBoxes(c.var.deps.db, c.var.deps.clock.now(), eq(setTopBoxes.id, boxId))).find(
      (b) => b.revokedAt === null,
    );
    if (!box) throw notFound('Set-top box');
    const t = CONFIRM[action];
    return c.html(
      <Layout title={t.title} staff={c.var.staff}>
        <p>
          {box.householdName}（{box.hamletName}）の端末 {box.deviceId}
        </p>
        <p class="warning" role="status">
          {t.text}
        </p>
        <form
          method="post"
          action={`${BASE}/${box.boxId}/${action}`}
          style="display:flex;gap:1rem;align-items:center"
        >
          <button type="submit" class={action === 'unpair' ? 'danger' : undefined}>
            {t.button}
          </button>
          <a href={BASE}>やめる</a>
        </form>
      </Layout>,
    );
  });

boxesPage.post('/:id/replace', async (c) => {
  const boxId = idOf(c.req.param('id'));
  const { db, clock } = c.var.deps;
  const box = await db
    .select({ householdId: setTopBoxes.householdId })
    .from(setTopBoxes)
    .where(eq(setTopBoxes.id, boxId))
    .get();
  if (!box) return refusal(c, new AppError(404, 'not_found', 'Set-top box not found'));
  const p = await pairBox(db, { type: 'staff', id: c.var.staff.id }, box.householdId, boxId, clock.now());
  return pairedPage(c, p, await nameOf(c, box.householdId));
});

boxesPage.post('/:id/unpair', async (c) => {
  const boxId = idOf(c.req.param('id'));
  await unpairBox(c.var.deps.db, { type: 'staff', id: c.var.staff.id }, boxId, c.var.deps.clock.now());
  return redirectWithFlash(c, BASE, {
    kind: 'notice',
    text: '端末を解除しました。この端末からはもう使えません',
  });
});
