import type { Router } from '@lightningjs/sdk';
import { BillingPage } from './pages/billing/BillingPage.js';
import { GalleryPage } from './pages/gallery/GalleryPage.js';
import { HomePage } from './pages/home/HomePage.js';
import { NoticesPage } from './pages/notices/NoticesPage.js';
import { ShopPage } from './pages/shop/ShopPage.js';
import { ProductListPage } from './pages/shop/ProductListPage.js';
import { CartPage } from './pages/shop/CartPage.js';
import { OrdersPage } from './pages/shop/OrdersPage.js';
import { TaxiPage } from './pages/taxi/TaxiPage.js';
import { UnregisteredPage } from './pages/unregistered/UnregisteredPage.js';

type Page = Router.RouteDefinition['component'];

/** One line per page: `page('<hash>', PageClass)`. Options are Lightning Router route options. */
const page = (
  path: string,
  component: Page,
  extra: Partial<Router.RouteDefinition> = {},
): Router.RouteDefinition => ({
  path,
  component,
  ...extra,
});

export const HOME_ROUTE = 'home';
export const UNREGISTERED_ROUTE = 'unregistered';

export const routes: Router.RouteDefinition[] = [
  page(HOME_ROUTE, HomePage),
  page(UNREGISTERED_ROUTE, UnregisteredPage),
  page('shop', ShopPage),
  page('shop/list/:kind/:id', ProductListPage),
  page('shop/cart', CartPage),
  page('shop/orders', OrdersPage),
  page('taxi', TaxiPage),
  page('notices', NoticesPage),
  page('gallery', GalleryPage),
  page('billing', BillingPage),
];
