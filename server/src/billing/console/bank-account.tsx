import { withSqlite, sqliteForReading } from '../../../../db/src';
import { Hono, type Context } from 'hono';
import { consoleForm, idOf, type RefusedForm } from '../../console/form';
import { redirectWithFlash, takeFlash, type Flash } from '../../console/flash';
import { recordAudit } from '../../lib/audit';
import { AppError, notFound } from '../../lib/errors';
import type { AppEnv, StaffAuth } from '../../lib/router';
import { BankAccountInput, registerBankAccount } from '../register-bank-account';
import { ACCOUNT_TYPE_JA, billingErrorJa, FIELD_JA, FIELD_MESSAGE_JA, MANDATE_JA } from './labels';
import { actorOf, Page } from './page';

type Values = Record<string, unknown>;

function Field(props: {
  name: string;
  values: Values;
  errors: Record<string, string>;
  pattern?: string;
  hint?: string;
}) {
  const { name, values, errors } = props;
  const id = `bank-${name}`;
  const error = errors[name];
  const v = values[name];
  return (
    <div>
      <label for={id}>{FIELD_JA[name]}</label>
      <input
        id={id}
        name={name}
        value={v === undefined || v === null ? '' : String(v)}
        pattern={props.pattern}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={error ? `${id}-error` : props.hint ? `${id}-hint` : undefined}
        required
      />
      {props.hint ? (
        <span class="hint" id={`${id}-hint`}>
          {props.hint}
        </span>
      ) : null}
      {error ? (
        <span class="field-error" id={`${id}-error`}>
          {error}
        </span>
      ) : null}
    </div>
  );
}

function BankAccountPage(props: {
  staff: StaffAuth;
  name: string;
  account: Values | undefined;
  values: Values;
  errors: Record<string, string>;
  error?: string | undefined;
  flash?: Flash | undefined;
}) {
  const { account, values, errors } = props;
  const type =
    values.accountType === undefined || values.accountType === null ? '1' : String(values.accountType);
  return (
    <Page title={`${props.name} の口座振替`} staff={props.staff} flash={props.flash}>
      <p>
        <a href="/console/billing/follow-ups">← 未収金の対応リスト</a>
      </p>
      <p>
        状態:{' '}
        {account ? (
          account.mandateStatus === 'active' ? (
            <span class="badge ok">{MANDATE_JA.active}</span>
          ) : (
            <>
              <span class="badge bad">{MANDATE_JA[String(account.mandateStatus)] ?? '停止中'}</span>{' '}
              {String(account.stoppedReason ?? '')}— 新しい依頼書を受け付けると再開します
            </>
          )
        ) : (
          <span class="badge neutral">未登録</span>
        )}
      </p>
      <p class="muted">ひらがな・全角カナで入力しても、全銀データ用の半角カナに直して保存します。</p>
      <form method="post" aria-label="口座振替依頼書の登録" novalidate>
        {props.error ? (
          <p class="error" role="alert">
            {props.error}
          </p>
        ) : null}
        <Field name="bankCode" values={values} errors={errors} pattern="\d{4}" hint="4桁（例：0143）" />
        <Field name="bankName" values={values} errors={errors} hint="カナ（例：ハチジュウニ）" />
        <Field name="branchCode" values={values} errors={errors} pattern="\d{3}" hint="3桁（例：531）" />
        <Field name="branchName" values={values} errors={errors} hint="カナ（例：タカトオ）" />
        <div>
          <label for="bank-accountType">預金種目</label>
          <select id="bank-accountType" name="accountType">
            {ACCOUNT_TYPE_JA.map(([k, label]) => (
              <option value={k} selected={type === k}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <Field name="accountNumber" values={values} errors={errors} pattern="\d{1,7}" hint="7桁まで" />
        <Field name="holderKana" values={values} errors={errors} hint="カナ（例：イトウ セツコ）" />
        <p>
          <button type="submit">口座振替依頼書を受け付けて登録</button>
        </p>
      </form>
    </Page>
  );
}

async function bankRow(c: Context<AppEnv>, id: number) {
  const sqlite = await sqliteForReading(c.var.deps.db);
  const household = sqlite
    .prepare<[number], { name: string }>('SELECT name FROM households WHERE id = ?')
    .get(id);
  if (!household) throw notFound('Household');
  const account = sqlite
    .prepare<[number], Values>(
      `SELECT bank_code AS bankCode, bank_name AS bankName, branch_code AS branchCode, branch_name AS branchName,
              account_type AS accountType, account_number AS accountNumber, holder_kana AS holderKana,
              mandate_status AS mandateStatus, stopped_reason AS stoppedReason
       FROM bank_accounts WHERE household_id = ?`,
    )
    .get(id);
  return { household, account };
}

export const bankAccountScreen = new Hono<AppEnv>();

bankAccountScreen.get('/households/:id/bank-account', async (c) => {
  const { household, account } = await bankRow(c, idOf(c.req.param('id')));
  return c.html(
    <BankAccountPage
      staff={c.var.staff}
      name={household.name}
      account={account}
      values={account ?? {}}
      errors={{}}
      flash={takeFlash(c)}
    />,
  );
});

/** A refused form is drawn again with what was typed and, beside each wrong field, why. */
async function refused(c: Context<AppEnv>, r: RefusedForm) {
  const { household, account } = await bankRow(c, idOf(c.req.param('id')));
  const errors = Object.fromEntries(
    Object.keys(r.errors).map((k) => [k, FIELD_MESSAGE_JA[k] ?? r.errors[k]!]),
  );
  return c.html(
    <BankAccountPage
      staff={c.var.staff}
      name={household.name}
      account={account}
      values={r.values}
      errors={errors}
      error="入力を確認してください。"
    />,
    400,
  );
}

bankAccountScreen.post('/households/:id/bank-account', consoleForm(BankAccountInput, refused), async (c) => {
  const { db, clock } = c.var.deps;
  const id = idOf(c.req.param('id'));
  const { household, account } = await bankRow(c, id);
  const input = c.req.valid('form');
  const now = clock.now();
  try {
    await db.transaction(async (tx) => {
      await withSqlite(tx, (sqlite) => registerBankAccount(sqlite, id, input, now));
      await recordAudit(tx, now, actorOf(c), 'billing.bank_account', 'household', id);
    });
  } catch (e) {
    if (!(e instanceof AppError) || e.status >= 500 || e.status === 404) throw e;
    return c.html(
      <BankAccountPage
        staff={c.var.staff}
        name={household.name}
        account={account}
        values={input as unknown as Values}
        errors={{}}
        error={billingErrorJa(e)}
      />,
      e.status as 422,
    );
  }
  return redirectWithFlash(c, `/console/billing/households/${id}/bank-account`, {
    kind: 'notice',
    text: '口座振替依頼書を登録しました',
  });
});
