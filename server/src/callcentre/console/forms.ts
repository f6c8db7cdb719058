import { z } from 'zod';
import { TokyoDateSchema } from '../../lib/tokyo';

/** A checkbox group: absent, one value or many all arrive as a list of canonical ids. */
const idList = (message: string) =>
  z.preprocess(
    (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]),
    z
      .array(
        z
          .string()
          .regex(/^[1-9]\d{0,15}$/)
          .transform(Number),
      )
      .min(1, { error: message }),
  );

const Endpoint = z.union([z.literal('home'), z.string().regex(/^[1-9]\d{0,15}$/)]);

/** 乗合タクシーの予約 on the resident page; turned into the taxi API's BookTaxiInput by the route. */
export const BookRideForm = z.object({
  idempotencyKey: z.string().min(8).max(64),
  riderIds: idList('乗る人を選んでください'),
  companions: z.coerce.number().int().min(0).max(2).default(0),
  from: Endpoint,
  to: Endpoint,
  timeKind: z.enum(['arrive_by', 'leave_after'], { error: '時刻の意味を選んでください' }),
  time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: '時刻を選んでください' }),
});

export const ChangeRideForm = z.object({
  time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: '時刻を選んでください' }),
});

/** 留守の登録: whole days, as a caller says them (「5日から、帰るのは8日」). */
export const AwayForm = z
  .object({
    residentIds: idList('留守にする人を選んでください'),
    from: TokyoDateSchema,
    until: TokyoDateSchema,
  })
  .refine((f) => f.until > f.from, { error: '帰る日は出かける日より後の日にしてください', path: ['until'] });

export const FIELD_JA: Record<string, string> = {
  riderIds: '乗る人',
  companions: '付き添い',
  from: '出かける日・乗る場所',
  to: '行き先',
  timeKind: '時刻の意味',
  time: '時刻',
  residentIds: '留守にする人',
  until: '帰る日',
  idempotencyKey: '予約番号',
};
