import { Hono, type Context } from 'hono';
import { and, asc, count, eq, exists, like, or, sql, type SQL } from 'drizzle-orm';
import {
  familyContacts,
  hamlets,
  households,
  residents,
  taxiBookings,
  watchSettings,
} from '../../../../db/src/schema';
import { requireStaffPage } from '../../auth/staff-auth';
import { Layout } from '../../console/layout';
import { redirectWithFlash, takeFlash } from '../../console/flash';
import { consoleForm, idOf, type RefusedForm } from '../../console/form';
import { AppError, notFound } from '../../lib/errors';
import type { AppEnv } from '../../lib/router';
import { ageOn, formatJaFullDate, tokyoDate } from '../../lib/tokyo';
import { liveBoxes } from '../box-status';
import {
  FamilyContactInput,
  HouseholdPhoneInput,
  saveFamilyContact,
  setHouseholdPhone,
} from '../household-contacts';
import { Field, FormError, jaDateTime, Pager, pageOf, ScrollTable, SelectField, typed } from './ui';

const PAGE = 50;
const BASE = '/console/admin/households';

export const householdsPage = new Hono<AppEnv>();
householdsPage.use('*', requireStaffPage('admin'));

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (m) => `\\${m}`);
const digits = (s: string) => s.replace(/[^0-9]/g, '');

householdsPage.get('/', async (c) => {
  const { db } = c.var.deps;
  const q = (c.req.query('q') ?? '').trim().slice(0, 40);
  const hamletRaw = c.req.query('hamlet') ?? '';
  const hamletId = /^[1-9]\d{0,8}$/.test(hamletRaw) ? Number(hamletRaw) : null;
  const page = pageOf(c.req.query('page'));
  const conds: (SQL | undefined)[] = [hamletId === null ? undefined : eq(households.hamletId, hamletId)];
  if (q) {
    const pat = `%${escapeLike(q)}%`;
    // A phone number matches however it was typed (with or without hyphens).
    const phonePat = digits(q).length >= 3 ? `%${digits(q)}%` : null;
    conds.push(
      or(
        like(households.name, pat),
        like(households.address, pat),
        phonePat ? sql`replace(${households.phone}, '-', '') LIKE ${phonePat}` : undefined,
        exists(
          db
            .select({ one: sql`1` })
            .from(residents)
            .where(
              and(
                eq(residents.householdId, households.id),
                or(like(residents.name, pat), like(residents.kana, pat)),
              ),
            ),
        ),
      ),
    );
  }
  const rows = await db
    .select({
      id: households.id,
      name: households.name,
      address: households.address,
      phone: households.phone,
      hamlet: hamlets.name,
      residents: sql<string>`(SELECT group_concat(${residents.name}, '、') FROM ${residents} WHERE ${residents.householdId} = ${households.id})`,
    })
    .from(households)
    .innerJoin(hamlets, eq(hamlets.id, households.hamletId))
    .where(and(...conds))
    .orderBy(asc(hamlets.id), asc(households.id))
    .limit(PAGE + 1)
    .offset((page - 1) * PAGE)
    .all();
  const hamletOptions = (
    await db.select({ id: hamlets.id, name: hamlets.name }).from(hamlets).orderBy(asc(hamlets.id)).all()
  ).map((h) => ({ value: String(h.id), label: h.name }));
  return c.html(
    <Layout title="世帯と家族の連絡先" staff={c.var.staff} flash={takeFlash(c)}>
      <form
        method="get"
        action={BASE}
        role="search"
        style="display:flex;gap:1rem;align-items:end;flex-wrap:wrap"
      >
        <Field label="名前・よみ・電話番号で検索" name="q" value={q} hint="例：ヤマダ、0265-94" />
        <SelectField
          label="集落"
          name="hamlet"
          value={hamletId === null ? '' : String(hamletId)}
          options={hamletOptions}
          empty="すべて"
        />
        <div class="field">
          <button type="submit">検索</button>
        </div>
      </form>
      <ScrollTable label="世帯の一覧">
        <thead>
          <tr>
            <th scope="col">世帯</th>
            <th scope="col">集落</th>
            <th scope="col">住民</th>
            <th scope="col">住所</th>
            <th scope="col">電話番号</th>
          </tr>
        </thead>
        <tbody>
          {rows.slice(0, PAGE).map((h) => (
            <tr>
              <td>
                <a href={`${BASE}/${h.id}`}>{h.name}</a>
              </td>
              <td>{h.hamlet}</td>
              <td>{h.residents ?? '—'}</td>
              <td>{h.address}</td>
              <td>{h.phone ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </ScrollTable>
      {rows.length === 0 ? <p>該当する世帯はありません。</p> : null}
      <Pager base={BASE} query={{ q, hamlet: hamletRaw }} page={page} hasNext={rows.length > PAGE} />
    </Layout>,
  );
});

interface FormState {
  /** Which form the refusal belongs to: 'phone', 'new', or a contact id. */
  form: string;
  values: Record<string, unknown>;
  errors: Record<string, string>;
}

async function householdView(c: Context<AppEnv>, householdId: number, refused?: FormState) {
  const { db, clock } = c.var.deps;
  const now = clock.now();
  const hh = await db
    .select({ h: households, hamlet: hamlets.name })
    .from(households)
    .innerJoin(hamlets, eq(hamlets.id, households.hamletId))
    .where(eq(households.id, householdId))
    .get();
  if (!hh) throw notFound('Household');
  const h = hh.h;
  const people = await db
    .select({ r: residents, watch: watchSettings.enabled })
    .from(residents)
    .leftJoin(watchSettings, eq(watchSettings.residentId, residents.id))
    .where(eq(residents.householdId, householdId))
    .orderBy(asc(residents.id))
    .all();
  const contacts = await db
    .select({ c: familyContacts, resident: residents.name })
    .from(familyContacts)
    .innerJoin(residents, eq(residents.id, familyContacts.residentId))
    .where(eq(residents.householdId, householdId))
    .orderBy(asc(familyContacts.residentId), asc(familyContacts.priority))
    .all();
  const rides =
    (
      await db
        .select({ n: count() })
        .from(taxiBookings)
        .where(eq(taxiBookings.householdId, householdId))
        .get()
    )?.n ?? 0;
  const boxes = await liveBoxes(db, now, householdId);
  const today = tokyoDate(now);
  const residentOptions = people.map((p) => ({ value: String(p.r.id), label: p.r.name }));
  const refusedFor = (form: string) => (refused?.form === form ? refused : undefined);
  const phoneForm = refusedFor('phone');
  const newForm = refusedFor('new');
  return (
    <Layout title={`${h.name}`} staff={c.var.staff} flash={takeFlash(c)}>
      <p>
        <a href={BASE}>← 世帯の一覧へ</a>
      </p>
      <div style="display:grid;grid-template-columns:repeat(auto-fit,minmax(24rem,1fr));gap:0 2rem">
        <section aria-labelledby="h-home">
          <h2 id="h-home">世帯</h2>
          <dl>
            <dt>集落</dt>
            <dd>{hh.hamlet}</dd>
            <dt>住所</dt>
            <dd>{h.address}</dd>
            <dt>ケーブルテレビのお客様番号</dt>
            <dd>{h.cableCustomerNo}</dd>
          </dl>
          <form method="post" action={`${BASE}/${h.id}/phone`} novalidate>
            <FormError errors={phoneForm?.errors} />
            <Field
              label="世帯の電話番号"
              name="phone"
              type="tel"
              value={phoneForm ? typed(phoneForm.values, 'phone') : (h.phone ?? '')}
              error={phoneForm?.errors.phone}
              hint="例：0265-94-1234（空欄で削除）"
            />
            <button type="submit" class="secondary">
              電話番号を保存
            </button>
          </form>
        </section>
        <section aria-labelledby="h-services">
          <h2 id="h-services">利用しているサービス</h2>
          <ul>
            <li>
              お買い物：
              {h.shopMemberSince ? `${formatJaFullDate(h.shopMemberSince)}から会員` : '会員ではありません'}
            </li>
            <li>
              見守り：
              {people.filter((p) => p.watch).length > 0
                ? `${people
                    .filter((p) => p.watch)
                    .map((p) => p.r.name)
                    .join('、')}さん`
                : '利用していません'}
            </li>
            <li>タクシー：これまでの予約 {rides}件</li>
          </ul>
          <h3>テレビ端末</h3>
          {boxes.length === 0 ? (
            <p>
              <span class="badge warn">端末なし</span>{' '}
              <a href={`/console/admin/boxes?household=${h.id}`}>端末を登録する</a>
            </p>
          ) : (
            boxes.map((b) => (
              <p>
                {b.online ? <span class="badge ok">接続中</span> : <span class="badge bad">未接続</span>}{' '}
                {b.deviceId}
                （最後の通信：{jaDateTime(b.lastHeartbeatAt)}）{' '}
                <a href={`/console/admin/boxes?household=${h.id}`}>端末の管理</a>
              </p>
            ))
          )}
        </section>
      </div>
      <section aria-labelledby="h-residents">
        <h2 id="h-residents">住民</h2>
        <ScrollTable label="住民">
          <thead>
            <tr>
              <th scope="col">名前</th>
              <th scope="col">よみ</th>
              <th scope="col" class="num">
                年齢
              </th>
              <th scope="col">見守り</th>
            </tr>
          </thead>
          <tbody>
            {people.map((p) => (
              <tr>
                <td>{p.r.name}</td>
                <td>{p.r.kana}</td>
                <td class="num">{ageOn(p.r.birthDate, today)}歳</td>
                <td>
                  {p.watch ? <span class="badge ok">見守り中</span> : <span class="badge neutral">なし</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </ScrollTable>
      </section>
      <section aria-labelledby="h-contacts">
        <h2 id="h-contacts">家族の連絡先</h2>
        {contacts.length === 0 ? <p>登録された連絡先はありません。</p> : null}
        {contacts.map(({ c: fc, resident }) => {
          const r = refusedFor(String(fc.id));
          const v = r?.values ?? {
            residentId: String(fc.residentId),
            name: fc.name,
            relation: fc.relation,
            email: fc.email,
            phone: fc.phone ?? '',
            priority: String(fc.priority),
          };
          return (
            <details open={r !== undefined}>
              <summary>
                {resident}さんの連絡先 {fc.priority}番目：{fc.name}（{fc.relation}）{' '}
                {fc.phone ?? '電話番号なし'} / {fc.email}
              </summary>
              <ContactForm
                action={`${BASE}/${h.id}/contacts/${fc.id}`}
                idPrefix={`c${fc.id}`}
                values={v}
                errors={r?.errors}
                residents={residentOptions}
                submit="この連絡先を保存"
              />
            </details>
          );
        })}
        <h3>連絡先を追加</h3>
        <ContactForm
          action={`${BASE}/${h.id}/contacts`}
          idPrefix="new"
          values={newForm?.values ?? { residentId: residentOptions[0]?.value ?? '', priority: '' }}
          errors={newForm?.errors}
          residents={residentOptions}
          submit="連絡先を追加"
        />
      </section>
    </Layout>
  );
}

/** Field names are the schema's; ids carry a prefix because the page holds one form per contact. */
function ContactForm(props: {
  action: string;
  idPrefix: string;
  values: Record<string, unknown>;
  errors: Record<string, string> | undefined;
  residents: { value: string; label: string }[];
  submit: string;
}) {
  const e = props.errors ?? {};
  const v = props.values;
  const f = (
    name: string,
    label: string,
    extra: { hint?: string; type?: 'email' | 'tel'; inputmode?: 'numeric' } = {},
  ) => {
    const id = `${props.idPrefix}-${name}`;
    return (
      <div class="field">
        <label for={id}>{label}</label>
        <input
          id={id}
          name={name}
          type={extra.type ?? 'text'}
          inputmode={extra.inputmode}
          value={typed(v, name)}
          autocomplete="off"
          aria-invalid={e[name] ? 'true' : undefined}
          aria-describedby={
            [extra.hint ? `${id}-hint` : '', e[name] ? `${id}-error` : ''].filter(Boolean).join(' ') ||
            undefined
          }
        />
        {extra.hint ? (
          <span class="hint" id={`${id}-hint`}>
            {extra.hint}
          </span>
        ) : null}
        {e[name] ? (
          <span class="field-error" id={`${id}-error`}>
            {e[name]}
          </span>
        ) : null}
      </div>
    );
  };
  const rid = `${props.idPrefix}-residentId`;
  return (
    <form method="post" action={props.action} novalidate>
      <FormError errors={props.errors} />
      <div style="display:grid;grid-template-columns:repeat(auto-fill,minmax(15rem,1fr));gap:0 1.5rem;align-items:start">
        <div class="field">
          <label for={rid}>見守る方</label>
          <select id={rid} name="residentId" aria-invalid={e.residentId ? 'true' : undefined}>
            {props.residents.map((o) => (
              <option value={o.value} selected={o.value === typed(v, 'residentId')}>
                {o.label}
              </option>
            ))}
          </select>
          {e.residentId ? <span class="field-error">{e.residentId}</span> : null}
        </div>
        {f('name', '名前')}
        {f('relation', '続柄', { hint: '例：長女、甥' })}
        {f('phone', '電話番号', { type: 'tel', hint: '例：090-1234-5678' })}
        {f('email', 'メールアドレス', { type: 'email' })}
        {f('priority', '連絡の順番', { inputmode: 'numeric', hint: '1が最初（1〜9）' })}
      </div>
      <button type="submit">{props.submit}</button>
    </form>
  );
}

const actorOf = (c: Context<AppEnv>) => ({ type: 'staff' as const, id: c.var.staff.id });
const householdIdOf = (c: Context<AppEnv>) => idOf(c.req.param('id'));

householdsPage.get('/:id', async (c) => c.html(await householdView(c, householdIdOf(c))));

const refusedAs = (form: (c: Context<AppEnv>) => string) => async (c: Context<AppEnv>, r: RefusedForm) =>
  c.html(await householdView(c, householdIdOf(c), { form: form(c), ...r }), 400);

householdsPage.post(
  '/:id/phone',
  consoleForm(
    HouseholdPhoneInput,
    refusedAs(() => 'phone'),
  ),
  async (c) => {
    const id = householdIdOf(c);
    await setHouseholdPhone(c.var.deps.db, actorOf(c), id, c.req.valid('form').phone, c.var.deps.clock.now());
    return redirectWithFlash(c, `${BASE}/${id}`, { kind: 'notice', text: '世帯の電話番号を保存しました' });
  },
);

async function saveContact(c: Context<AppEnv>, contactId: number | null, input: FamilyContactInput) {
  const id = householdIdOf(c);
  try {
    await saveFamilyContact(c.var.deps.db, actorOf(c), id, contactId, input, c.var.deps.clock.now());
  } catch (e) {
    // A taken order of contact is the operator's to fix in the same form, with what they typed.
    if (e instanceof AppError && e.status === 409)
      return c.html(
        await householdView(c, id, {
          form: contactId === null ? 'new' : String(contactId),
          values: input as unknown as Record<string, unknown>,
          errors: { priority: e.message },
        }),
        409,
      );
    throw e;
  }
  return redirectWithFlash(c, `${BASE}/${id}`, {
    kind: 'notice',
    text: `${input.name}さんの連絡先を${contactId === null ? '追加' : '保存'}しました`,
  });
}

householdsPage.post(
  '/:id/contacts',
  consoleForm(
    FamilyContactInput,
    refusedAs(() => 'new'),
  ),
  async (c) => await saveContact(c, null, c.req.valid('form')),
);

householdsPage.post(
  '/:id/contacts/:contactId',
  consoleForm(
    FamilyContactInput,
    refusedAs((c) => String(idOf(c.req.param('contactId')))),
  ),
  async (c) => await saveContact(c, idOf(c.req.param('contactId')), c.req.valid('form')),
);
