import type { Child } from 'hono/jsx';
import type { Flash } from '../../console/flash';
import { Layout } from '../../console/layout';
import type { StaffAuth } from '../../lib/router';
import type { AppEnv } from '../../lib/router';
import type { Context } from 'hono';

/** A4 print layout of statements and settlements (the one page style the console allows). */
const printCss = `
.invoice{background:#fff;padding:1.5rem;border:1px solid #ccc;max-width:800px}
.invoice h2{margin:.2rem 0 1rem;font-size:1.6rem;text-align:center;letter-spacing:.3em}
.invoice .parties{display:flex;justify-content:space-between;gap:2rem;margin-bottom:1rem}
.invoice .due{font-size:1.4rem;border-bottom:2px solid #000;display:inline-block;padding:0 .5rem}
.invoice table{margin:.5rem 0}
@media print{.invoice{border:0;padding:0;max-width:none}@page{size:A4;margin:15mm}}
`;

export function Page(props: {
  title: string;
  staff: StaffAuth;
  children?: Child;
  flash?: Flash | undefined;
}) {
  return (
    <Layout title={props.title} staff={props.staff} flash={props.flash}>
      <style>{printCss}</style>
      {props.children}
    </Layout>
  );
}

export const actorOf = (c: Context<AppEnv>) => ({ type: 'staff' as const, id: c.var.staff.id });
