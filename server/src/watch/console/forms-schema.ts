import { z } from 'zod';
import { TokyoDateSchema } from '../../lib/tokyo';
import { CreateReminderInput } from '../reminders';

const TimeOfDay = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, '時刻は 07:30 のように24時間で入れてください');
export const minuteOf = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));
export const hhmm = (m: number) =>
  `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

export const EnrolForm = z.object({
  consent: z.literal('yes', { error: '本人の同意の確認にチェックしてください' }),
  thresholdHours: z.coerce
    .number({ error: '時間を数字で入れてください' })
    .int('時間は整数で入れてください')
    .min(1, '1〜168時間で入れてください')
    .max(168, '1〜168時間で入れてください'),
  quietStart: TimeOfDay,
  quietEnd: TimeOfDay,
  dailyMail: z.literal('yes').optional(),
});

/** The API's reminder schema (minus what the page supplies), with the staff's words for its errors. */
export const ReminderForm = CreateReminderInput.omit({ residentId: true, notifyAfterMinutes: true }).extend({
  text: z.string().trim().min(1, '文を入れてください').max(80, '文は80文字までです'),
  recurrence: z.enum(['once', 'daily', 'weekdays', 'weekly', 'monthly'], {
    error: 'くり返しを選んでください',
  }),
  time: TimeOfDay,
});

export const AwayForm = z.object({
  fromDate: TokyoDateSchema,
  fromTime: TimeOfDay,
  untilDate: TokyoDateSchema,
  untilTime: TimeOfDay,
});

/** Which form of the resident page was refused, to draw it again with what was typed. */
export type RefusedOn = 'enrol' | 'reminder' | 'away' | 'contact';
export interface Refused {
  form: RefusedOn;
  values: Record<string, unknown>;
  errors: Record<string, string>;
}
/** A typed value of the refused form, else the default. */
export const typed = (r: Refused | undefined, form: RefusedOn, name: string, fallback: string): string =>
  r?.form === form && typeof r.values[name] === 'string' ? (r.values[name] as string) : fallback;
export const errorOf = (r: Refused | undefined, form: RefusedOn, name: string): string | undefined =>
  r?.form === form ? r.errors[name] : undefined;
