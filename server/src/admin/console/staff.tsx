import { Hono, type Context } from 'hono';
import { and, asc, eq, max } from 'drizzle-orm';
import { auditLog, hamlets, sellers, staffUsers, STAFF_ROLES } from '../../../../db/src/schema';
import { requireStaffPage } from '../../auth/staff-auth';
import { Layout } from '../../console/layout';
import { redirectWithFlash, takeFlash } from '../../console/flash';
import { consoleForm, idOf, type RefusedForm } from '../../console/form';
import { ROLE_LABELS } from '../../console/nav';
import { AppError, notFound } from '../../lib/errors';
import type { AppEnv } from '../../lib/router';
import {
  CreateStaffInput,
  createStaffAccount,
  resetStaffPassword,
  setStaffDisabled,
  UpdateStaffInput,
  updateStaffAccount,
} from '../staff-accounts';
import { Field, FormError, jaDateTime, ScrollTable, SelectField, typed } from './ui';

const BASE = '/console/admin/staff';
const GRID =
  'display:grid;grid-template-columns:repeat(auto-fill,minmax(16rem,1fr));gap:0 1.5rem;align-items:start';
const ROLE_OPTIONS = STAFF_ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }));

export const staffPage = new Hono<AppEnv>();
staffPage.use('*', requireStaffPage('admin'));

const actorOf = (c: Context<AppEnv>) => ({ type: 'staff' as const, id: c.var.staff.id });

async function scopeOptions(c: Context<AppEnv>) {
  const { db } = c.var.deps;
  return {
    hamlets: await db
      .select({ id: hamlets.id, name: hamlets.name })
      .from(hamlets)
      .orderBy(asc(hamlets.id))
      .all(),
    sellers: await db
      .select({ id: sellers.id, name: sellers.name })
      .from(sellers)
      .orderBy(asc(sellers.id))
      .all(),
  };
}

function ScopeFields(props: {
  values: Record<string, unknown>;
  errors: Record<string, string>;
  options: Awaited<ReturnType<typeof scopeOptions>>;
}) {
  const { values: v, errors: e, options } = props;
  return (
    <>
      <SelectField
        label="役割"
        name="role"
        value={typed(v, 'role')}
        options={ROLE_OPTIONS}
        empty="選んでください"
        error={e.role}
      />
      <SelectField
        label="担当の集落（集落支援員）"
        name="hamletId"
        value={typed(v, 'hamletId')}
        options={options.hamlets.map((h) => ({ value: String(h.id), label: h.name }))}
        empty="なし"
        error={e.hamletId}
      />
      <SelectField
        label="店舗（店舗の方）"
        name="sellerId"
        value={typed(v, 'sellerId')}
        options={options.sellers.map((s) => ({ value: String(s.id), label: s.name }))}
        empty="なし"
        error={e.sellerId}
      />
    </>
  );
}

async function listView(c: Context<AppEnv>, refused?: RefusedForm) {
  const { db } = c.var.deps;
  const lastLogin = db
    .select({ id: auditLog.actorId, at: max(auditLog.at).as('at') })
    .from(auditLog)
    .where(and(eq(auditLog.actorType, 'staff'), eq(auditLog.action, 'login')))
    .groupBy(auditLog.actorId)
    .as('last_login');
  const rows = await db
    .select({
      u: staffUsers,
      hamlet: hamlets.name,
      seller: sellers.name,
      lastLoginAt: lastLogin.at,
    })
    .from(staffUsers)
    .leftJoin(hamlets, eq(hamlets.id, staffUsers.hamletId))
    .leftJoin(sellers, eq(sellers.id, staffUsers.sellerId))
    .leftJoin(lastLogin, eq(lastLogin.id, staffUsers.id))
    .orderBy(asc(staffUsers.id))
    .all();
  const e = refused?.errors ?? {};
  const v = refused?.values ?? {};
  return (
    <Layout title="職員アカウント" staff={c.var.staff} flash={takeFlash(c)}>
      <ScrollTable label="職員の一覧">
        <thead>
          <tr>
            <th scope="col">名前</th>
            <th scope="col">ログインID</th>
            <th scope="col">役割</th>
            <th scope="col">担当</th>
            <th scope="col">最後のログイン</th>
            <th scope="col">状態</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr>
              <td>
                <a href={`${BASE}/${r.u.id}`}>{r.u.name}</a>
              </td>
              <td>{r.u.loginId}</td>
              <td>{ROLE_LABELS[r.u.role]}</td>
              <td>{r.hamlet ?? r.seller ?? '—'}</td>
              <td>{jaDateTime(r.lastLoginAt ? new Date(r.lastLoginAt as unknown as number) : null)}</td>
              <td>
                {r.u.disabledAt ? (
                  <span class="badge neutral">停止中</span>
                ) : (
                  <span class="badge ok">有効</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </ScrollTable>
      <section aria-labelledby="new-staff">
        <h2 id="new-staff">職員を追加</h2>
        <FormError errors={e} />
        <form method="post" action={BASE} novalidate>
          <div style={GRID}>
            <Field label="名前" name="name" value={typed(v, 'name')} error={e.name} />
            <Field
              label="ログインID"
              name="loginId"
              value={typed(v, 'loginId')}
              error={e.loginId}
              hint="半角英小文字・数字（例：support-nakao）"
            />
            <Field
              label="メールアドレス（省略可）"
              name="email"
              type="email"
              value={typed(v, 'email')}
              error={e.email}
            />
            <Field
              label="パスワード（省略可）"
              name="password"
              type="password"
              value=""
              error={e.password}
              hint="空欄なら作って一度だけ表示します"
              autocomplete="new-password"
            />
            <ScopeFields values={v} errors={e} options={await scopeOptions(c)} />
          </div>
          <button type="submit">職員を追加</button>
        </form>
      </section>
    </Layout>
  );
}

/** A new password is shown on this one response only; it is stored hashed. */
function passwordPage(c: Context<AppEnv>, who: string, loginId: string, password: string, status: 200 | 201) {
  return c.html(
    <Layout title="パスワードを発行しました" staff={c.var.staff}>
      <p class="notice" role="status">
        {who}さん（ログインID：{loginId}
        ）のパスワードです。ご本人に伝えてください。この画面を離れると二度と表示できません。
      </p>
      <p>
        <code
          style="font-size:1.5rem;padding:0.5rem 1rem;background:#fff;border:2px solid #1a2b5c;display:inline-block"
          data-password
        >
          {password}
        </code>
      </p>
      <p>
        <a class="button" href={BASE}>
          職員の一覧へ戻る
        </a>
      </p>
    </Layout>,
    status,
  );
}

staffPage.get('/', async (c) => c.html(await listView(c)));

staffPage.post(
  '/',
  consoleForm(CreateStaffInput, async (c, r) =>
    c.html(await listView(c, { ...r, values: { ...r.values, password: '' } }), 400),
  ),
  async (c) => {
    const input = c.req.valid('form');
    try {
      const made = await createStaffAccount(c.var.deps.db, actorOf(c), input, c.var.deps.clock.now());
      if (made.password) return passwordPage(c, input.name, input.loginId, made.password, 201);
    } catch (e) {
      if (e instanceof AppError && e.status === 409)
        return c.html(
          await listView(c, { values: { ...input, password: '' }, errors: { loginId: e.message } }),
          409,
        );
      throw e;
    }
    return redirectWithFlash(c, BASE, { kind: 'notice', text: `${input.name}さんのアカウントを作りました` });
  },
);

async function loadStaffUser(c: Context<AppEnv>) {
  const id = idOf(c.req.param('id'));
  const u = await c.var.deps.db.select().from(staffUsers).where(eq(staffUsers.id, id)).get();
  if (!u) throw notFound('Staff user');
  return u;
}

async function editView(c: Context<AppEnv>, refused?: RefusedForm) {
  const u = await loadStaffUser(c);
  const e = refused?.errors ?? {};
  const v = refused?.values ?? {
    name: u.name,
    email: u.email ?? '',
    role: u.role,
    hamletId: u.hamletId === null ? '' : String(u.hamletId),
    sellerId: u.sellerId === null ? '' : String(u.sellerId),
  };
  const self = u.id === c.var.staff.id;
  return (
    <Layout title={`職員：${u.name}`} staff={c.var.staff} flash={takeFlash(c)}>
      <p>
        <a href={BASE}>← 職員の一覧へ</a>
      </p>
      <p>
        ログインID：{u.loginId} ／ 作成：{jaDateTime(u.createdAt)}{' '}
        {u.disabledAt ? (
          <span class="badge neutral">停止中（{jaDateTime(u.disabledAt)}から）</span>
        ) : (
          <span class="badge ok">有効</span>
        )}
      </p>
      <FormError errors={e} />
      <form method="post" action={`${BASE}/${u.id}`} novalidate>
        <div style={GRID}>
          <Field label="名前" name="name" value={typed(v, 'name')} error={e.name} />
          <Field
            label="メールアドレス（省略可）"
            name="email"
            type="email"
            value={typed(v, 'email')}
            error={e.email}
          />
          <ScopeFields values={v} errors={e} options={await scopeOptions(c)} />
        </div>
        <p class="hint">役割や担当を変えると、この方のログイン中の画面はいったんログアウトします。</p>
        <button type="submit">保存する</button>
      </form>
      <h2>アカウントの操作</h2>
      <div style="display:flex;gap:1rem;flex-wrap:wrap">
        <form class="inline" method="post" action={`${BASE}/${u.id}/password`}>
          <button type="submit" class="secondary">
            パスワードを再発行
          </button>
        </form>
        {self ? (
          <p class="hint">自分のアカウントは停止できません。</p>
        ) : (
          <form
            class="inline"
            method="post"
            action={`${BASE}/${u.id}/${u.disabledAt ? 'enable' : 'disable'}`}
          >
            <button type="submit" class={u.disabledAt ? 'secondary' : 'danger'}>
              {u.disabledAt ? '再開する' : '停止する'}
            </button>
          </form>
        )}
      </div>
    </Layout>
  );
}

staffPage.get('/:id', async (c) => c.html(await editView(c)));

staffPage.post(
  '/:id',
  consoleForm(UpdateStaffInput, async (c, r) => c.html(await editView(c, r), 400)),
  async (c) => {
    const u = await loadStaffUser(c);
    const input = c.req.valid('form');
    try {
      await updateStaffAccount(c.var.deps.db, actorOf(c), u.id, input, c.var.deps.clock.now());
    } catch (e) {
      if (e instanceof AppError && e.status === 409)
        return c.html(
          await editView(c, {
            values: input as unknown as Record<string, unknown>,
            errors: { role: e.message },
          }),
          409,
        );
      throw e;
    }
    return redirectWithFlash(c, `${BASE}/${u.id}`, {
      kind: 'notice',
      text: `${input.name}さんを保存しました`,
    });
  },
);

staffPage.post('/:id/password', async (c) => {
  const u = await loadStaffUser(c);
  let password: string;
  try {
    password = await resetStaffPassword(c.var.deps.db, actorOf(c), u.id, c.var.deps.clock.now());
  } catch (e) {
    if (e instanceof AppError && e.status === 409)
      return redirectWithFlash(c, `${BASE}/${u.id}`, { kind: 'error', text: e.message });
    throw e;
  }
  return passwordPage(c, u.name, u.loginId, password, 200);
});

for (const [path, disabled] of [
  ['disable', true],
  ['enable', false],
] as const)
  staffPage.post(`/:id/${path}`, async (c) => {
    const u = await loadStaffUser(c);
    try {
      await setStaffDisabled(c.var.deps.db, actorOf(c), u.id, disabled, c.var.deps.clock.now());
    } catch (e) {
      if (e instanceof AppError && e.status === 409)
        return redirectWithFlash(c, `${BASE}/${u.id}`, { kind: 'error', text: e.message });
      throw e;
    }
    return redirectWithFlash(c, `${BASE}/${u.id}`, {
      kind: 'notice',
      text: disabled ? `${u.name}さんのアカウントを停止しました` : `${u.name}さんのアカウントを再開しました`,
    });
  });
