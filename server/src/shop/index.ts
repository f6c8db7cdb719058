import type { Feature } from '../features';
import { shopConsole } from './console';
import { shopJobs } from './jobs';
import { shopApi } from './routes';

export { setOrderStatus, ORDER_STATUS_JA, ORDER_TRANSITIONS } from './set-order-status';
export { setOrdersStatus } from './set-orders-status';
export { listPackedOrders } from './list-packed-orders';
export { createProduct, updateProduct, ProductInput } from './save-product';
export { listConcernHandovers, type ConcernHandover } from './list-concern-handovers';
export { listTodaysHandovers } from './list-todays-handovers';

export const shopFeature: Feature = {
  name: 'shop',
  api: shopApi,
  console: shopConsole,
  jobs: shopJobs,
  home: { store_staff: '/console/shop/picking' },
  nav: [
    { label: 'ピッキング', href: '/console/shop/picking', roles: ['store_staff'] },
    { label: '売上', href: '/console/shop/sales', roles: ['store_staff', 'city_staff'] },
    { label: '荷物のお渡し', href: '/console/shop/hall', roles: ['support_worker'] },
    { label: '電話注文', href: '/console/shop/phone', roles: ['call_centre'] },
    { label: 'お買い物の設定', href: '/console/shop/settings', roles: ['city_staff'] },
  ],
};
export { listHouseholdOrders } from './list-household-orders';
