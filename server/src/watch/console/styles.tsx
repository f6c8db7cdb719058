/** The watch screens' own few rules, built from the design system's tokens (inline styles are allowed). */
const css = `
.watch-alerts{list-style:none;padding:0;margin:0 0 var(--sp-5);display:grid;gap:var(--sp-3)}
.watch-alert{background:var(--c-surface);border:1px solid var(--c-rule);border-left:8px solid var(--c-warning-text);border-radius:var(--radius-m);padding:var(--sp-3) var(--sp-4);display:grid;grid-template-columns:minmax(16rem,1.2fr) 2fr minmax(14rem,1fr);gap:var(--sp-2) var(--sp-5)}
.watch-alert.unanswered{border-left-color:var(--c-danger);background:var(--c-danger-soft)}
.watch-alert h3{margin:0;font-size:var(--fs-l)}
.watch-alert .phone{font-size:var(--fs-m);font-weight:700}
.watch-alert .phone a{white-space:nowrap}
.watch-alert .acts{display:flex;flex-direction:column;gap:var(--sp-2)}
.watch-alert .acts button{width:100%}
.watch-alert dl{margin:0;display:grid;grid-template-columns:auto 1fr;gap:0 var(--sp-3)}
.watch-alert dt{color:var(--c-text-muted);font-size:var(--fs-xs);font-weight:700}
.watch-alert dd{margin:0}
.watch-filters{display:flex;flex-wrap:wrap;gap:var(--sp-3) var(--sp-5);align-items:end;background:var(--c-surface);border:1px solid var(--c-rule);border-radius:var(--radius-m);padding:var(--sp-2) var(--sp-4);margin:0 0 var(--sp-4)}
.watch-filters label{margin:0}
.watch-columns{display:grid;grid-template-columns:1fr 1fr;gap:var(--sp-5)}
.contact-form fieldset{display:flex;flex-wrap:wrap;gap:var(--sp-2) var(--sp-4);align-items:center}
.contact-form fieldset label{display:inline-flex;gap:var(--sp-1);align-items:center;margin:0}
@media (max-width:1100px){.watch-alert{grid-template-columns:1fr 1fr}.watch-alert .acts{grid-column:1/-1;flex-direction:row}.watch-columns{grid-template-columns:1fr}}
`;

export function WatchStyles() {
  return <style>{css}</style>;
}
