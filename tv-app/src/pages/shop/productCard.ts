import type { ShopProduct } from '../../api/shop.js';
import type { CardSpec } from '../../components/Card.js';
import { yen } from './cart.js';

/**
 * What a product card says: name, tax-inclusive price, and a badge with the quantity in the cart
 * or why it cannot be ordered. The spoken text says the same in words.
 */
export function productCard(p: ShopProduct, qtyInCart: number): CardSpec {
  const reason = p.available ? null : (p.unavailableReason ?? '注文できません');
  const badge = reason ?? (qtyInCart > 0 ? `${qtyInCart}点` : undefined);
  const spoken = [
    `${p.name}、税込${p.priceYen}円`,
    ...(reason ? [reason] : []),
    ...(qtyInCart > 0 ? [`カートに${qtyInCart}点`] : []),
  ];
  return {
    title: `${p.favourite ? '★' : ''}${p.name}`,
    detail: yen(p.priceYen),
    ...(badge ? { badge } : {}),
    announce: spoken.join('、'),
  };
}
