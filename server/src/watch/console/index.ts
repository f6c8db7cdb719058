import { Hono } from 'hono';
import { requireStaffPage } from '../../auth/staff-auth';
import type { AppEnv } from '../../lib/router';
import { ackScreen } from './ack';
import { alertsScreen } from './alerts';
import { residentForms } from './forms';
import { residentScreen } from './resident';
import { residentsScreen } from './residents';
import { todayScreen } from './today';

/** The watch console: one file per screen (see each), behind the city staff / support worker login. */
export const watchConsole = new Hono<AppEnv>();
watchConsole.use('*', requireStaffPage('city_staff', 'support_worker'));
watchConsole.route('/', alertsScreen);
watchConsole.route('/', todayScreen);
watchConsole.route('/', ackScreen);
watchConsole.route('/', residentsScreen);
watchConsole.route('/', residentScreen);
watchConsole.route('/', residentForms);
