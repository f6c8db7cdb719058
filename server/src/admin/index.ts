import type { Feature } from '../features';
import { adminConsole } from './console';
import { adminApi } from './routes';
import { boxPairingApi } from './box-pairing-routes';

/** Staff-wide API: who am I, the audit log. */
export const adminFeature: Feature = { name: 'staff', api: adminApi };

/** The admin's pages (users, boxes, settings, catalogue …) at /console/admin. */
export const adminConsoleFeature: Feature = {
  name: 'admin',
  console: adminConsole,
  home: { admin: '/console/admin' },
  nav: [
    { label: '管理', href: '/console/admin', roles: ['admin'] },
    { label: '商品と在庫', href: '/console/admin/products', roles: ['store_staff'] },
  ],
};

/** The unregistered box's public pairing calls at /api/tv/pairing (mounted before the TV feature). */
export const boxPairingFeature: Feature = { name: 'tv', api: boxPairingApi };
