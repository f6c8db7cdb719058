import { Hono } from 'hono';
import { requireStaffPage } from '../../auth/staff-auth';
import type { AppEnv } from '../../lib/router';
import { bankAccountScreen } from './bank-account';
import { followUpsScreen } from './follow-ups';
import { monthScreen } from './month';
import { monthsScreen } from './months';
import { settlementScreen } from './settlement';
import { statementScreen } from './statement';

export { StatementView } from './statement';

/** The city's billing pages, one file per screen. */
export const billingConsole = new Hono<AppEnv>();
billingConsole.use('*', requireStaffPage('city_staff'));
billingConsole.route('/', monthsScreen);
billingConsole.route('/', monthScreen);
billingConsole.route('/', statementScreen);
billingConsole.route('/', settlementScreen);
billingConsole.route('/', bankAccountScreen);
billingConsole.route('/follow-ups', followUpsScreen);
