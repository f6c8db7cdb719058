import type { Flash } from '../../console/flash';
import { Layout } from '../../console/layout';
import type { StaffAuth } from '../../lib/router';
import type { ResidentHit } from '../search-residents';

/** 住民をさがす: the call centre's landing page. One field, the answer list under it. */
export function SearchPage(props: {
  staff: StaffAuth;
  q: string;
  hits: ResidentHit[];
  flash?: Flash | undefined;
}) {
  const { q, hits } = props;
  return (
    <Layout title="コールセンター: 住民をさがす" staff={props.staff} flash={props.flash}>
      <form method="get" action="/console/callcentre" role="search" aria-label="住民の検索">
        <label for="cc-q">名前・よみがな・電話番号</label>
        <input
          id="cc-q"
          name="q"
          value={q}
          autofocus
          autocomplete="off"
          maxlength={60}
          aria-describedby="cc-q-hint"
          style="width:24rem;max-width:100%"
        />{' '}
        <button type="submit">さがす</button>
        <span class="hint" id="cc-q-hint">
          例：山田、やまだ、ヤマダ、0265-98-2013（ハイフン・全角数字のままでも探せます）
        </span>
      </form>
      {q.trim() === '' ? null : hits.length === 0 ? (
        <p role="status">「{q}」に当てはまる住民はいません。</p>
      ) : (
        <section aria-labelledby="cc-hits">
          <h2 id="cc-hits">
            「{q}」の検索結果 {hits.length}人
          </h2>
          <div class="table-scroll" tabindex={0} role="region" aria-label="検索結果">
            <table>
              <thead>
                <tr>
                  <th>名前</th>
                  <th>よみがな</th>
                  <th class="num">年齢</th>
                  <th>集落</th>
                  <th>世帯</th>
                  <th>電話</th>
                  <th>住所</th>
                </tr>
              </thead>
              <tbody>
                {hits.map((h) => (
                  <tr data-resident={String(h.residentId)}>
                    <td>
                      <a href={`/console/callcentre/residents/${h.residentId}`}>{h.name}</a>
                    </td>
                    <td>{h.kana}</td>
                    <td class="num">{h.age}歳</td>
                    <td>{h.hamletName}</td>
                    <td>{h.householdName}</td>
                    <td>{h.phone ?? '—'}</td>
                    <td>{h.address}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
    </Layout>
  );
}
