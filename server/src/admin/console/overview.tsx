import type { Context } from 'hono';
import { count, eq, gt, and, isNull, isNotNull, inArray } from 'drizzle-orm';
import { households, mailOutbox, residents, staffUsers } from '../../../../db/src/schema';
import { Layout } from '../../console/layout';
import { takeFlash } from '../../console/flash';
import type { AppEnv } from '../../lib/router';
import { liveBoxes } from '../box-status';

const LINKS: { href: string; label: string; what: string }[] = [
  { href: '/console/admin/products', label: '商品と在庫', what: '商品の追加・価格・在庫・品切れ' },
  { href: '/console/admin/households', label: '世帯と家族の連絡先', what: '住所・電話番号・家族の連絡先' },
  { href: '/console/admin/boxes', label: 'テレビ端末', what: '接続の状態・登録・交換・解除' },
  { href: '/console/admin/staff', label: '職員アカウント', what: '役割・担当・停止・パスワード再発行' },
  {
    href: '/console/admin/settings',
    label: 'タクシーとドローンの設定',
    what: '運行時間・運賃・飛行時間帯・気象の基準',
  },
  { href: '/console/admin/audit', label: '操作の記録', what: '誰が・いつ・何をしたか' },
  { href: '/console/admin/mail', label: 'メールの送信状況', what: '送信済み・待ち・失敗とその理由' },
];

export async function overviewPage(c: Context<AppEnv>) {
  const { db, clock } = c.var.deps;
  const now = clock.now();
  const n = (q: { n: number } | undefined) => q?.n ?? 0;
  const boxes = await liveBoxes(db, now);
  const online = boxes.filter((b) => b.online).length;
  const figures: { label: string; value: string; href: string; warn?: boolean }[] = [
    {
      label: '世帯',
      value: `${n(await db.select({ n: count() }).from(households).get())}世帯`,
      href: '/console/admin/households',
    },
    {
      label: '住民',
      value: `${n(await db.select({ n: count() }).from(residents).get())}人`,
      href: '/console/admin/households',
    },
    { label: 'テレビ端末 接続中', value: `${online}台`, href: '/console/admin/boxes' },
    {
      label: 'テレビ端末 未接続',
      value: `${boxes.length - online}台`,
      href: '/console/admin/boxes',
      warn: boxes.length - online > 0,
    },
    {
      label: '職員（有効）',
      value: `${n(await db.select({ n: count() }).from(staffUsers).where(isNull(staffUsers.disabledAt)).get())}人`,
      href: '/console/admin/staff',
    },
    {
      label: 'メール 送信待ち',
      value: `${n(
        await db
          .select({ n: count() })
          .from(mailOutbox)
          .where(and(eq(mailOutbox.state, 'queued'), eq(mailOutbox.attempts, 0)))
          .get(),
      )}通`,
      href: '/console/admin/mail',
    },
    {
      label: 'メール 失敗・未確認',
      value: `${n(
        await db
          .select({ n: count() })
          .from(mailOutbox)
          .where(
            and(
              inArray(mailOutbox.state, ['queued', 'unconfirmed', 'sending']),
              isNotNull(mailOutbox.lastError),
              gt(mailOutbox.attempts, 0),
            ),
          )
          .get(),
      )}通`,
      href: '/console/admin/mail',
    },
  ];
  return c.html(
    <Layout title="管理" staff={c.var.staff} flash={takeFlash(c)}>
      <section aria-labelledby="figures">
        <h2 id="figures">いまの状態</h2>
        <div class="cards">
          {figures.map((f) => (
            <a class="card kpi" href={f.href} style="display:flex;flex-direction:column;gap:0.25rem">
              <span class="label">{f.label}</span>
              <span class="value">{f.value}</span>
              {f.warn ? <span class="badge warn">確認してください</span> : null}
            </a>
          ))}
        </div>
      </section>
      <section aria-labelledby="pages">
        <h2 id="pages">管理の画面</h2>
        <ul class="link-list">
          {LINKS.map((l) => (
            <li>
              <a href={l.href}>{l.label}</a> <span class="hint">{l.what}</span>
            </li>
          ))}
        </ul>
      </section>
    </Layout>,
  );
}
