import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { requireStaffPage } from '../../auth/staff-auth';
import { staffScope } from '../../auth/scope';
import { DateField } from '../../console/date-field';
import { redirectWithFlash, takeFlash, type Flash } from '../../console/flash';
import { consoleForm, idOf, type RefusedForm } from '../../console/form';
import { Layout } from '../../console/layout';
import { LiveScript } from '../../live/script';
import type { AppEnv } from '../../lib/router';
import { formatJaFullDate } from '../../lib/tokyo';
import { listCarriedParcels } from '../list-carried-parcels';
import { listHallParcels, type HallParcel } from '../list-hall-parcels';
import { publishShopEvent } from '../live-events';
import {
  CONCERN_NOTE_REQUIRED,
  HANDOVER_OUTCOME_JA,
  HandoverInput,
  recordHandover,
} from '../record-handover';
import { actor, dateOf } from './shared';

export const hallPages = new Hono<AppEnv>();

/** The console's handover form: the API's schema, plus the rule that 気になる says why. */
const HandoverForm = HandoverInput.pick({ outcome: true })
  .extend({ note: z.string().trim().max(500, { error: 'メモは500字までです' }).optional() })
  .superRefine((v, ctx) => {
    if (v.outcome === 'concern' && !v.note)
      ctx.addIssue({ code: 'custom', path: ['note'], message: CONCERN_NOTE_REQUIRED });
  });

const hallCss = `
.hall-table tr.carried{background:#fff4e0}
.handover{display:flex;flex-wrap:wrap;gap:.5rem .75rem;align-items:center}
.handover input[name=note]{min-width:12rem}
.hall-table td:nth-child(2),.hall-table td:nth-child(4){white-space:nowrap}
.hall-table td:nth-child(3){min-width:13rem}
`;

function HandoverCell(props: {
  p: HallParcel;
  date: string;
  refused?: { orderId: number; form: RefusedForm } | undefined;
}) {
  const { p, date } = props;
  const mine = props.refused?.orderId === p.orderId ? props.refused.form : undefined;
  const outcome = typeof mine?.values.outcome === 'string' ? mine.values.outcome : 'handed';
  const note = typeof mine?.values.note === 'string' ? mine.values.note : '';
  const noteError = mine?.errors.note;
  if (!(p.status === 'at_hall' || (p.status === 'in_transit' && p.deliveryMode === 'car')))
    return <>{p.status === 'delivered' ? 'お届け済み' : '到着待ち'}</>;
  const errId = `note-error-${p.orderId}`;
  return (
    <form
      method="post"
      action={`/console/shop/hall/orders/${p.orderId}/handover?date=${date}`}
      class="handover"
    >
      <label>
        様子
        <select name="outcome" aria-label={`#${p.orderId} の様子`}>
          <option value="handed" selected={outcome === 'handed'}>
            {HANDOVER_OUTCOME_JA.handed}（手渡し）
          </option>
          <option value="concern" selected={outcome === 'concern'}>
            {HANDOVER_OUTCOME_JA.concern}（手渡し・メモ必須）
          </option>
          <option value="absent" selected={outcome === 'absent'}>
            {HANDOVER_OUTCOME_JA.absent}（預かる）
          </option>
        </select>
      </label>
      <label>
        メモ
        <input
          name="note"
          maxlength={500}
          value={note}
          placeholder="例：足を引きずっていた"
          aria-label={`#${p.orderId} のメモ`}
          aria-invalid={noteError ? 'true' : undefined}
          aria-describedby={noteError ? errId : undefined}
        />
      </label>
      {noteError ? (
        <span class="field-error" id={errId}>
          {noteError}
        </span>
      ) : null}
      <button type="submit">#{p.orderId} を記録する</button>
    </form>
  );
}

async function hallPage(
  c: Context<AppEnv>,
  date: string,
  flash: Flash | undefined,
  refused?: { orderId: number; form: RefusedForm },
) {
  const { deps, staff } = c.var;
  const scope = staffScope(staff);
  const parcels = await listHallParcels(deps.db, date, scope);
  const carried = await listCarriedParcels(deps.db, date, scope);
  const rows = [
    ...carried.map((p) => ({ p, carried: true })),
    ...parcels.map((p) => ({ p, carried: false })),
  ];
  return (
    <Layout title={`荷物のお渡し ${formatJaFullDate(date)}`} staff={staff} flash={flash}>
      <style>{hallCss}</style>
      <LiveScript topics={['drone', 'shop']} />
      <form method="get">
        <DateField label="配達日" name="date" value={date} />
        <button type="submit">表示</button>
      </form>
      {rows.length === 0 ? <p>この日の荷物はまだありません。</p> : null}
      <p class="hint">
        「{HANDOVER_OUTCOME_JA.concern}
        」のときは、気づいたことをメモに書いてください（例：足を引きずっていた）。
        見守りの担当と市の職員に伝わります。
      </p>
      {rows.length === 0 ? null : (
        <div class="table-scroll">
          <table class="hall-table">
            <thead>
              <tr>
                <th>注文</th>
                <th>公民館</th>
                <th>世帯・住所</th>
                <th>状態</th>
                <th>お渡し</th>
              </tr>
            </thead>
            <tbody>
              {rows.map(({ p, carried }) => (
                <tr data-order={p.orderId} class={carried ? 'carried' : undefined}>
                  <td>
                    #{p.orderId}
                    {carried ? (
                      <>
                        <br />
                        <span class="badge warn">前日から</span>
                      </>
                    ) : null}
                  </td>
                  <td>{p.hallName}</td>
                  <td>
                    {p.householdName}（{p.residentNames.join('・')}）<br />
                    <span class="muted">{p.address}</span>
                    {carried ? (
                      <>
                        <br />
                        <span class="muted">{formatJaFullDate(p.deliveryDate)} に不在</span>
                      </>
                    ) : null}
                  </td>
                  <td>{p.statusLabel}</td>
                  <td>
                    <HandoverCell p={p} date={date} refused={refused} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Layout>
  );
}

hallPages.get('/hall', requireStaffPage('support_worker'), async (c) => {
  const date = dateOf(c.req.query('date'), c.var.deps.clock.now());
  return c.html(await hallPage(c, date, takeFlash(c)));
});

hallPages.post(
  '/hall/orders/:id/handover',
  requireStaffPage('support_worker'),
  consoleForm(HandoverForm, async (c, form) => {
    const date = dateOf(c.req.query('date'), c.var.deps.clock.now());
    const orderId = idOf(c.req.param('id'));
    return c.html(
      await hallPage(
        c,
        date,
        { kind: 'error', text: `#${orderId} を記録できません。メモを確かめてください。` },
        { orderId, form },
      ),
      400,
    );
  }),
  async (c) => {
    const { deps, staff } = c.var;
    const input = c.req.valid('form');
    const id = idOf(c.req.param('id'));
    const now = deps.clock.now();
    const o = await recordHandover(
      deps.db,
      id,
      { outcome: input.outcome, note: input.note || undefined },
      actor(staff),
      now,
      staffScope(staff),
    );
    publishShopEvent(deps, 'handover.recorded', o.hamletId, o.id);
    const date = dateOf(c.req.query('date'), now);
    return redirectWithFlash(c, `/console/shop/hall?date=${date}`, {
      kind: 'notice',
      text: `#${id} を「${HANDOVER_OUTCOME_JA[input.outcome]}」で記録しました`,
    });
  },
);
