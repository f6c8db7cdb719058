import type { Child } from 'hono/jsx';
import type { StaffAuth } from '../lib/router';
import { ROLE_LABELS, navFor } from './nav';

const css = `
*{box-sizing:border-box}
body{font-family:"Noto Sans JP","Hiragino Sans","Yu Gothic",system-ui,sans-serif;margin:0;color:#1a1a1a;background:#f6f6f3;font-size:16px;line-height:1.6}
header{background:#23395d;color:#fff;padding:.5rem 1rem;display:flex;gap:1rem;align-items:center;flex-wrap:wrap}
header a{color:#fff}
header .who{margin-left:auto}
nav ul{list-style:none;margin:0;padding:0;display:flex;gap:.75rem;flex-wrap:wrap}
main{padding:1rem;max-width:1200px}
a:focus,button:focus,input:focus,select:focus,textarea:focus{outline:3px solid #f5a623;outline-offset:2px}
table{border-collapse:collapse;width:100%;background:#fff}
th,td{border:1px solid #ccc;padding:.35rem .5rem;text-align:left;vertical-align:top}
th{background:#e8ecf2}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
form.inline{display:inline}
label{display:block;margin:.4rem 0}
input,select,textarea,button{font:inherit;padding:.3rem .5rem}
button{background:#23395d;color:#fff;border:0;border-radius:4px;cursor:pointer}
button.secondary{background:#666}
button.danger{background:#a32020}
.error{background:#fde8e8;border:1px solid #a32020;padding:.5rem;color:#7a1010}
.notice{background:#e8f5e8;border:1px solid #2a7a2a;padding:.5rem}
.muted{color:#666}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(220px,1fr));gap:.75rem}
.card{background:#fff;border:1px solid #ccc;padding:.75rem;border-radius:6px}
@media print{header,nav,.no-print{display:none}body{background:#fff}main{max-width:none}}
`;

export function Layout(props: { title: string; staff?: StaffAuth | null; children?: Child }) {
  const staff = props.staff;
  return (
    <html lang="ja">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${props.title} | engawa コンソール`}</title>
        <style>{css}</style>
      </head>
      <body>
        <header>
          <strong>
            <a href="/console">engawa コンソール</a>
          </strong>
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
            <span class="who">
              {staff.name}（{ROLE_LABELS[staff.role]}）
              <form class="inline" method="post" action="/console/logout">
                <button type="submit" class="secondary">
                  ログアウト
                </button>
              </form>
            </span>
          ) : null}
        </header>
        <main>
          <h1>{props.title}</h1>
          {props.children}
        </main>
      </body>
    </html>
  );
}
