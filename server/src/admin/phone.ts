import { z } from 'zod';

/**
 * A Japanese phone number as staff type it (with or without hyphens, full-width digits allowed);
 * stored as typed after normalising the digits, so it reads the way people write it.
 */
export const PhoneSchema = z
  .string()
  .trim()
  .transform((s) =>
    s.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)).replace(/[－ー―]/g, '-'),
  )
  .refine((s) => /^0[\d-]+$/.test(s) && /^\d{10,11}$/.test(s.replace(/-/g, '')), {
    message: '電話番号は0から始まる10〜11桁で入れてください（例：0279-96-1234）',
  });

const blank = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

/** An optional phone field of a form: empty means none. */
export const OptionalPhoneSchema = z.preprocess(blank, PhoneSchema.optional());
