import { formatJaDateTime, formatJaRelativeTime } from '../../lib/tokyo';
import { ACK_LABELS, AckActionSchema } from '../acknowledge-alert';
import { CONDITION_JA, TIER_JA, type OpenAlert } from '../list-open-alerts';

/** A phone number as a link the console's phone (or softphone) can dial. */
export function Phone(props: { phone: string | null }) {
  if (!props.phone) return <span class="muted">電話番号なし</span>;
  return <a href={`tel:${props.phone.replace(/[^\d+]/g, '')}`}>{props.phone}</a>;
}

/**
 * Open alerts as cards, the unanswered ones highlighted: who, where, since when, the phone, who
 * was told, and the three answers. `back` is the page the answer returns to.
 */
export function AlertList(props: {
  alerts: OpenAlert[];
  now: Date;
  back: 'today' | 'alerts';
  staffId: number;
}) {
  if (props.alerts.length === 0) return <p class="notice">対応中のお知らせはありません。</p>;
  return (
    <ul class="watch-alerts" aria-label="対応中のお知らせ">
      {props.alerts.map((a) => {
        const mine = new Set(a.acks.filter((k) => k.staffId === props.staffId).map((k) => k.action));
        return (
          <li class={`watch-alert${a.acknowledgedAt ? '' : ' unanswered'}`} data-alert-id={String(a.alertId)}>
            <div>
              <h3>
                <a href={`/console/watch/residents/${a.residentId}`}>{a.residentName}さん</a>
              </h3>
              <p style="margin:0">
                {a.hamletName}・{a.householdName}
              </p>
              <p class="phone" style="margin:0">
                電話 <Phone phone={a.phone} />
              </p>
              <p style="margin:0">
                {a.acknowledgedAt ? (
                  <span class="badge warn">
                    対応中（{formatJaRelativeTime(a.acknowledgedAt, props.now)}に応答）
                  </span>
                ) : (
                  <span class="badge bad">未対応</span>
                )}{' '}
                <span class="badge neutral">段階: {TIER_JA[a.tier] ?? a.tier}</span>
              </p>
            </div>
            <dl>
              <dt>内容</dt>
              <dd>
                <strong>{CONDITION_JA[a.condition] ?? a.condition}</strong> {a.reasonJa}
              </dd>
              <dt>いつから</dt>
              <dd>
                {formatJaDateTime(a.openedAt)}（{formatJaRelativeTime(a.openedAt, props.now)}）
              </dd>
              <dt>最後の活動</dt>
              <dd>{a.lastSignAt ? formatJaDateTime(a.lastSignAt) : '記録なし'}</dd>
              <dt>お知らせした人</dt>
              <dd>
                {a.steps.map((s) => (
                  <div>
                    {formatJaDateTime(s.at)} {s.recipients.join('、') || TIER_JA[s.tier]}
                  </div>
                ))}
              </dd>
              <dt>応答</dt>
              <dd>
                {a.acks.length
                  ? a.acks.map((k) => (
                      <div>
                        {formatJaDateTime(k.at)} {k.by}「{ACK_LABELS[k.action]}」
                      </div>
                    ))
                  : 'まだありません'}
              </dd>
            </dl>
            <form
              method="post"
              action={`/console/watch/alerts/${a.alertId}/ack`}
              class="acts"
              aria-label={`${a.residentName}さんのお知らせに応答`}
            >
              <input type="hidden" name="back" value={props.back} />
              {AckActionSchema.options.map((action) => (
                <button
                  type="submit"
                  name="action"
                  value={action}
                  class={action === 'fine' ? 'secondary' : undefined}
                  disabled={mine.has(action)}
                >
                  {ACK_LABELS[action]}
                  {mine.has(action) ? '（記録済み）' : ''}
                </button>
              ))}
            </form>
          </li>
        );
      })}
    </ul>
  );
}
