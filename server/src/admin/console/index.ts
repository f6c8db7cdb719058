import { Hono } from 'hono';
import { requireStaffPage } from '../../auth/staff-auth';
import type { AppEnv } from '../../lib/router';
import { overviewPage } from './overview';
import { productsPage } from './products';
import { householdsPage } from './households';
import { boxesPage } from './boxes';
import { staffPage } from './staff';
import { auditPage } from './audit';
import { mailPage } from './mail';
import { settingsPage } from './settings';

/**
 * The admin's console at /console/admin: one file per screen. Every screen is the admin's except
 * the catalogue, which store staff also use for their own seller (the scope comes from auth/scope.ts).
 */
export const adminConsole = new Hono<AppEnv>();
adminConsole.get('/', requireStaffPage('admin'), overviewPage);
adminConsole.route('/products', productsPage);
adminConsole.route('/households', householdsPage);
adminConsole.route('/boxes', boxesPage);
adminConsole.route('/staff', staffPage);
adminConsole.route('/audit', auditPage);
adminConsole.route('/mail', mailPage);
adminConsole.route('/settings', settingsPage);
