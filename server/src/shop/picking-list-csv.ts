import { toCsv } from '../lib/csv';
import type { PickingList } from './build-picking-list';

/** The picking list as CSV (UTF-8 with BOM so Excel on the store's PC opens the Japanese right). */
export function pickingListCsv(list: PickingList): string {
  const records: (string | number)[][] = [];
  for (const s of list.sellers) {
    for (const h of s.hamlets) {
      for (const r of h.rows) {
        records.push([
          list.deliveryDate,
          s.sellerName,
          h.hamletName,
          h.hallName,
          r.orderId,
          r.householdName,
          r.productId,
          r.productName,
          r.qty,
          r.missingQty,
          // a cancelled order's picked line is listed so the store puts it back
          r.orderStatus === 'cancelled' ? '取り消し・棚に戻す' : r.picked ? '済' : '',
          r.orderStatus === 'cancelled' ? '' : r.packed ? '済' : '',
        ]);
      }
    }
  }
  return toCsv(records, {
    header: [
      '配達日',
      '店舗',
      '集落',
      '公民館',
      '注文番号',
      '世帯',
      '商品番号',
      '商品名',
      '数量',
      '欠品数',
      'ピック',
      '梱包',
    ],
    bom: true,
    recordDelimiter: '\r\n',
  });
}
