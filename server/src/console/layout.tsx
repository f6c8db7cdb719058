import type { Child } from 'hono/jsx';
import type { StaffAuth } from '../lib/router';
import { ROLE_LABELS, navFor } from './nav';
import { CONSOLE_CSS_HREF } from './assets';
import { FlashMessage, type Flash } from './flash';

export function Layout(props: {
  title: string;
  staff?: StaffAuth | null;
  /** A message from the previous POST (`takeFlash(c)`), drawn under the title. */
  flash?: Flash | undefined;
  children?: Child;
}) {
  const staff = props.staff;
  return (
    <html lang="ja">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${props.title} | engawa コンソール`}</title>
        <link rel="stylesheet" href={CONSOLE_CSS_HREF} />
      </head>
      <body>
        <a class="skip-link" href="#main">
          本文へ移動
        </a>
        <header class="site-header">
          <a class="brand" href="/console">
            engawa コンソール
          </a>
          {staff ? (
            <nav aria-label="メニュー">
              <ul>
                {navFor(staff.role).map((item) => (
                  <li>
                    <a href={item.href}>{item.label}</a>
                  </li>
                ))}
              </ul>
            </nav>
          ) : null}
          {staff ? (
            <span class="who" data-role={staff.role}>
              <span>
                {staff.name}（{ROLE_LABELS[staff.role]}）
              </span>
              <form class="inline" method="post" action="/console/logout">
                <button type="submit" class="secondary">
                  ログアウト
                </button>
              </form>
            </span>
          ) : null}
        </header>
        <main id="main" tabindex={-1}>
          <h1>{props.title}</h1>
          <FlashMessage flash={props.flash} />
          {props.children}
        </main>
      </body>
    </html>
  );
}
