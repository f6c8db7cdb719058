import type { listConcernHandovers } from '../../shop';

type ConcernHandover = Awaited<ReturnType<typeof listConcernHandovers>>[number];
import { formatJaDateTime } from '../../lib/tokyo';

/** 気になる notes written at a handover: who, where, what the support worker noticed. */
export function ConcernNotes(props: { notes: ConcernHandover[] }) {
  if (props.notes.length === 0) return <p class="muted">この2週間、「気になる」の記録はありません。</p>;
  return (
    <table>
      <caption class="visually-hidden">「気になる」の記録</caption>
      <thead>
        <tr>
          <th>日時</th>
          <th>住民</th>
          <th>集落</th>
          <th>メモ</th>
          <th>記録した人</th>
        </tr>
      </thead>
      <tbody>
        {props.notes.map((n) => (
          <tr>
            <td>{formatJaDateTime(n.at)}</td>
            <td>
              {n.residentId !== null ? (
                <a href={`/console/watch/residents/${n.residentId}`}>{n.residentName}さん</a>
              ) : (
                n.residentName
              )}
            </td>
            <td>{n.hamletName}</td>
            <td>
              <strong>{n.note ?? '（メモなし）'}</strong>
            </td>
            <td>{n.staffName}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
