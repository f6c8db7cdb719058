import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../../db/src';
import * as s from '../../../db/src/schema';
import { addDays, fromTokyo, tokyoDate, tokyoParts } from '../lib/tokyo';
import { enrollResident } from './enroll-resident';
import { createReminder } from './reminders';

/** Households left out of watching, so the console also shows residents who have not opted in. */
const NOT_ENROLLED = new Set(['吉田', '堀', '林']);

/**
 * Demo reminders. Times avoid the browser tests' clocks (Mon 08:55–09:10, Tue–Wed 09:00–17:00):
 * a reminder due then would cover the TV's home screen. Daily 08:00 is safe because an
 * occurrence earlier than the reminder's creation is never written.
 */
const REMINDERS: {
  resident: string;
  text: string;
  recurrence: 'daily' | 'weekdays' | 'weekly';
  time: string;
  weekday?: number;
}[] = [
  { resident: '山田 花子', text: 'お薬を飲みましょう', recurrence: 'daily', time: '08:00' },
  { resident: '山田 花子', text: '燃えるごみの日です', recurrence: 'weekly', time: '07:30', weekday: 2 },
  { resident: '小松 和子', text: '夕方のお薬を飲みましょう', recurrence: 'daily', time: '18:30' },
];

/** The next Tokyo date on `weekday` (0 = Sunday), today included. */
function nextWeekday(today: string, weekday: number): string {
  const d = tokyoParts(fromTokyo(today)).weekday;
  return addDays(today, (weekday - d + 7) % 7);
}

/**
 * Watching demo data: most residents enrolled (consent recorded by the city staff user 'city'
 * at `now`; contacts and the support worker come from family_contacts and the hamlet), and a
 * few reminders on the TV.
 */
export async function seedWatch(db: Db, now: Date): Promise<void> {
  const city = await db.select().from(s.staffUsers).where(eq(s.staffUsers.loginId, 'city')).get();
  if (!city) return;
  const people = await db
    .select({ id: s.residents.id, name: s.residents.name })
    .from(s.residents)
    .orderBy(asc(s.residents.id))
    .all();
  const idOf = new Map(people.map((p) => [p.name, p.id]));
  for (const p of people) {
    if (NOT_ENROLLED.has(p.name.split(' ')[0]!)) continue;
    await enrollResident(db, { residentId: p.id }, city.id, now);
  }
  const today = tokyoDate(now);
  for (const r of REMINDERS) {
    const residentId = idOf.get(r.resident);
    if (residentId === undefined) continue;
    const startDate = r.weekday === undefined ? today : nextWeekday(today, r.weekday);
    await createReminder(
      db,
      { residentId, text: r.text, recurrence: r.recurrence, time: r.time, startDate },
      { staffId: city.id },
      now,
    );
  }
}
