import { describe, expect, it } from 'vitest';
import type { ShopProduct } from '../../api/shop.js';
import { productCard } from './productCard.js';

const milk: ShopProduct = {
  id: 7,
  categoryId: 5,
  sellerId: 1,
  name: '牛乳 1000ml',
  priceYen: 238,
  taxRate: 8,
  weightG: 1050,
  unit: '本',
  imageUrl: null,
  available: true,
  unavailableReason: null,
  maxPerOrder: 10,
  favourite: false,
};

describe('productCard', () => {
  it('shows the price and reads the name with the tax-inclusive price', () => {
    expect(productCard(milk, 0)).toEqual({
      title: '牛乳 1000ml',
      detail: '238円',
      announce: '牛乳 1000ml、税込238円',
    });
  });

  it('shows and reads the quantity in the cart, and marks a favourite with a star', () => {
    const card = productCard({ ...milk, favourite: true, priceYen: 1280 }, 2);
    expect(card).toMatchObject({ title: '★牛乳 1000ml', detail: '1,280円', badge: '2点' });
    expect(card.announce).toBe('牛乳 1000ml、税込1280円、カートに2点');
  });

  it('says why an item cannot be ordered instead of a quantity', () => {
    const card = productCard({ ...milk, available: false, unavailableReason: '品切れ' }, 0);
    expect(card.badge).toBe('品切れ');
    expect(card.announce).toBe('牛乳 1000ml、税込238円、品切れ');
  });
});
