import { Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { z } from 'zod';
import { loginStaff, logoutStaff, SESSION_TTL_MS } from '../auth/login-staff';
import { createLoginLimiter } from '../auth/rate-limit';
import { loadStaff, requireStaffPage, SESSION_COOKIE } from '../auth/staff-auth';
import { AppError } from '../lib/errors';
import type { AppEnv } from '../lib/router';
import { Layout } from './layout';
import { ROLE_LABELS, homeFor, navFor } from './nav';
import type { Deps } from '../deps';
import { clientAddress } from '../lib/client-address';

const limiters = new WeakMap<Deps, ReturnType<typeof createLoginLimiter>>();
const limiterFor = (deps: Deps) => {
  let l = limiters.get(deps);
  if (!l) limiters.set(deps, (l = createLoginLimiter()));
  return l;
};

const LoginForm = z.object({
  loginId: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(200),
  next: z.string().max(300).optional(),
});

/** Only same-site console paths may be a post-login target. */
const safeNext = (next: string | undefined) =>
  next && /^\/console(\/[\w\-/?=&.%]*)?$/.test(next) ? next : '/console';

function LoginPage(props: { error?: string; next?: string }) {
  return (
    <Layout title="ログイン">
      {props.error ? (
        <p class="error" role="alert">
          {props.error}
        </p>
      ) : null}
      <form method="post" action="/console/login">
        <input type="hidden" name="next" value={props.next ?? ''} />
        <label>
          ログインID
          <input name="loginId" autocomplete="username" required autofocus />
        </label>
        <label>
          パスワード
          <input name="password" type="password" autocomplete="current-password" required />
        </label>
        <button type="submit">ログイン</button>
      </form>
    </Layout>
  );
}

export const consoleCore = new Hono<AppEnv>();

consoleCore.get('/login', async (c) => {
  if (await loadStaff(c)) return c.redirect('/console', 303);
  return c.html(<LoginPage next={c.req.query('next')} />);
});

consoleCore.post('/login', async (c) => {
  const form = LoginForm.safeParse(await c.req.parseBody());
  if (!form.success) {
    return c.html(<LoginPage error="ログインIDとパスワードを入力してください" />, 400);
  }
  const { deps } = c.var;
  try {
    const attempt = await limiterFor(deps)(clientAddress(c), form.data.loginId);
    const { token } = await loginStaff(deps.db, deps.clock.now(), form.data.loginId, form.data.password);
    await attempt.succeeded();
    setCookie(c, SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: 'Strict',
      secure: deps.config.PUBLIC_BASE_URL.startsWith('https://'),
      path: '/',
      maxAge: SESSION_TTL_MS / 1000,
    });
    return c.redirect(safeNext(form.data.next), 303);
  } catch (e) {
    if (e instanceof AppError) return c.html(<LoginPage error={e.message} next={form.data.next} />, e.status);
    throw e;
  }
});

consoleCore.post('/logout', async (c) => {
  const token = getCookie(c, SESSION_COOKIE);
  if (token) await logoutStaff(c.var.deps.db, token);
  deleteCookie(c, SESSION_COOKIE, { path: '/' });
  return c.redirect('/console/login', 303);
});

consoleCore.get('/', requireStaffPage(), (c) => {
  const home = homeFor(c.var.staff.role);
  return c.redirect(home ?? '/console/menu', 303);
});

consoleCore.get('/menu', requireStaffPage(), (c) => {
  const staff = c.var.staff;
  const items = navFor(staff.role);
  return c.html(
    <Layout title={`${ROLE_LABELS[staff.role]}のページ`} staff={staff}>
      <p>
        {staff.name} さん、おつかれさまです。役割：
        <strong>{ROLE_LABELS[staff.role]}</strong>
      </p>
      {items.length ? (
        <div class="cards">
          {items.map((i) => (
            <a class="card" href={i.href}>
              {i.label}
            </a>
          ))}
        </div>
      ) : (
        <p class="muted">この役割で使える画面はまだありません。</p>
      )}
    </Layout>,
  );
});
