import { CONSOLE_CSS_HREF } from '../console/assets';

/** The layout of the public pages behind links in emails: large type, no login. */
const css = `body{font-family:"Noto Sans JP","Hiragino Sans","Yu Gothic",sans-serif;max-width:40rem;margin:1rem auto;padding:0 1rem;font-size:20px;line-height:1.7}
button{font:inherit;font-size:22px;padding:.6rem 1rem;margin:.3rem 0;width:100%;border-radius:8px;border:2px solid #23395d;background:#23395d;color:#fff}
button:disabled{background:#999;border-color:#999}.box{border:1px solid #ccc;padding:.75rem;border-radius:8px;background:#fafafa}
.done{background:#e8f5e8;border:1px solid #2a7a2a;padding:.5rem}button.secondary{background:#fff;color:#23395d}.box h2{font-size:1.1em;margin:0 0 .25rem}h1{font-size:1.5em;line-height:1.4}.error{background:#fde8e8;border:1px solid #a32020;padding:.5rem}`;

export function Page(props: { title: string; children?: unknown }) {
  return (
    <html lang="ja">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{props.title}</title>
        {/* For its Noto Sans JP faces (served from our origin); the rules below then set this page's look. */}
        <link rel="stylesheet" href={CONSOLE_CSS_HREF} />
        <style>{css}</style>
      </head>
      <body>
        <h1>{props.title}</h1>
        {props.children as never}
      </body>
    </html>
  );
}
