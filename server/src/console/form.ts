import type { z } from 'zod';
import { badRequest, notFound } from '../lib/errors';

/** Digits only, no sign, no leading zero: `0x10`, `1e3`, `-1`, `1.0` and ` 7` name no row. */
const ID = /^[1-9][0-9]{0,15}$/;

/**
 * The one id parser of the console (path, query and form ids). `Number()` reads `0x10` as 16 and
 * `1e3` as 1000, so an id is taken only in its canonical spelling; anything else names no row (404).
 */
export function idOf(raw: string | undefined): number {
  const id = raw !== undefined && ID.test(raw) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(id)) throw notFound();
  return id;
}

/** Japanese text of a failed parse, naming each field, for the console's error page. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((i) => (i.path.length > 0 ? `「${i.path.join('.')}」: ${i.message}` : i.message))
    .join(' / ');
}

/**
 * Parses a console form with the same zod schema the API uses; a failure is the API's 400
 * `invalid_request`, shown as the console's error page (never an unhandled ZodError, a 500).
 */
export function parseForm<T extends z.ZodType>(schema: T, body: unknown): z.infer<T> {
  const r = schema.safeParse(body);
  if (!r.success)
    throw badRequest('invalid_request', `入力を確認してください。${describeIssues(r.error)}`, r.error.issues);
  return r.data as z.infer<T>;
}
