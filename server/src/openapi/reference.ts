import { html } from 'hono/html';

/**
 * A readable API reference rendered in the browser from /api/openapi.json, with no assets from
 * outside (consoles may run without internet access). The inline script carries the request's CSP
 * nonce.
 */
export const referencePage = (scriptNonce: string) =>
  html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <title>engawa API reference</title>
        <style>
          body {
            font-family: system-ui, sans-serif;
            margin: 2rem;
            max-width: 1100px;
          }
          h2 {
            border-bottom: 1px solid #ccc;
            margin-top: 2rem;
          }
          .op {
            margin: 1rem 0;
            padding: 0.5rem 1rem;
            border-left: 4px solid #23395d;
            background: #f6f6f3;
          }
          .m {
            font-weight: bold;
            text-transform: uppercase;
            display: inline-block;
            width: 4.5rem;
          }
          pre {
            background: #fff;
            border: 1px solid #ddd;
            padding: 0.5rem;
            overflow: auto;
            max-height: 20rem;
          }
        </style>
      </head>
      <body>
        <h1>engawa API reference</h1>
        <p>
          Generated from <a href="/api/openapi.json">/api/openapi.json</a>. Errors are always
          <code>{"error":{"code","message"}}</code> with a 4xx status.
        </p>
        <div id="ops">Loading…</div>
        <script nonce="${scriptNonce}">
          fetch('/api/openapi.json')
            .then((r) => r.json())
            .then((doc) => {
              const byTag = {};
              for (const [path, item] of Object.entries(doc.paths || {})) {
                for (const [method, op] of Object.entries(item)) {
                  const tag = (op.tags && op.tags[0]) || 'other';
                  (byTag[tag] = byTag[tag] || []).push({ path, method, op });
                }
              }
              const esc = (s) =>
                String(s).replace(/[&<>]/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[ch]);
              const out = [];
              for (const tag of Object.keys(byTag).sort()) {
                out.push('<h2>' + esc(tag) + '</h2>');
                for (const { path, method, op } of byTag[tag]) {
                  const body =
                    op.requestBody && op.requestBody.content && op.requestBody.content['application/json'];
                  const ok = op.responses && (op.responses['200'] || op.responses['201']);
                  const okSchema =
                    ok &&
                    ok.content &&
                    ok.content['application/json'] &&
                    ok.content['application/json'].schema;
                  out.push(
                    '<div class="op"><span class="m">' +
                      esc(method) +
                      '</span><code>' +
                      esc(path) +
                      '</code> — ' +
                      esc(op.summary || '') +
                      (op.security
                        ? ' <em>(' + esc(op.security.map((s) => Object.keys(s)[0]).join(', ')) + ')</em>'
                        : '') +
                      (op.parameters && op.parameters.length
                        ? '<p>Parameters: ' +
                          op.parameters
                            .map((p) => '<code>' + esc(p.name) + '</code> (' + esc(p.in) + ')')
                            .join(', ') +
                          '</p>'
                        : '') +
                      (body
                        ? '<p>Body:</p><pre>' + esc(JSON.stringify(body.schema, null, 2)) + '</pre>'
                        : '') +
                      (okSchema
                        ? '<p>Response:</p><pre>' + esc(JSON.stringify(okSchema, null, 2)) + '</pre>'
                        : '') +
                      '</div>',
                  );
                }
              }
              document.getElementById('ops').innerHTML = out.join('');
            });
        </script>
      </body>
    </html>`;
