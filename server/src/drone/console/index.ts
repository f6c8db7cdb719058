import { Hono } from 'hono';
import { requireStaffPage } from '../../auth/staff-auth';
import type { AppEnv } from '../../lib/router';
import { mountBoardAssets } from './assets';
import { mountBoard } from './board-routes';
import { mountInspection } from './inspection';
import { mountRecords } from './records';

/** The drone base's console: the live board, inspection and maintenance, the flight log and routes. */
export const droneConsole = new Hono<AppEnv>();
droneConsole.use('*', requireStaffPage('drone_operator'));
mountBoardAssets(droneConsole);
mountBoard(droneConsole);
mountInspection(droneConsole);
mountRecords(droneConsole);
