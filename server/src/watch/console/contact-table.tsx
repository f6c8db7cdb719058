import { formatJaDateTime } from '../../lib/tokyo';
import type { WatchContactRow } from '../list-hamlet-watch';
import { WATCH_CONTACT_KIND_JA, WATCH_CONTACT_OUTCOME_JA } from '../record-watch-contact';

/** Calls and visits: when, how, what was found, a note, and who. */
export function ContactTable(props: { contacts: WatchContactRow[]; withResident?: boolean }) {
  if (props.contacts.length === 0) return <p class="muted">電話・訪問の記録はまだありません。</p>;
  return (
    <table>
      <thead>
        <tr>
          <th>日時</th>
          {props.withResident ? <th>住民</th> : null}
          <th>方法</th>
          <th>結果</th>
          <th>メモ</th>
          <th>記録した人</th>
        </tr>
      </thead>
      <tbody>
        {props.contacts.map((k) => (
          <tr>
            <td>{formatJaDateTime(k.at)}</td>
            {props.withResident ? (
              <td>
                <a href={`/console/watch/residents/${k.residentId}`}>{k.residentName}さん</a>
              </td>
            ) : null}
            <td>{WATCH_CONTACT_KIND_JA[k.kind]}</td>
            <td>
              <span class={`badge ${k.outcome === 'fine' ? 'ok' : k.outcome === 'concern' ? 'bad' : 'warn'}`}>
                {WATCH_CONTACT_OUTCOME_JA[k.outcome]}
              </span>
            </td>
            <td>{k.note ?? ''}</td>
            <td>{k.staffName}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
