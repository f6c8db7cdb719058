import type { Context } from 'hono';
import type { AppEnv } from '../lib/router';
import { zValidator, type Hook } from '@hono/zod-validator';
import type { z } from 'zod';
import { badRequest, notFound } from '../lib/errors';

/** A zod error of either zod API (classic or core, which the validator middleware uses). */
type IssueList = { issues: readonly { path: readonly PropertyKey[]; message: string }[] };

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
export function describeIssues(error: IssueList): string {
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

/** Japanese message per field name (the first issue of each), for a form drawn again with its errors. */
export function fieldErrors(error: IssueList): Record<string, string> {
  const out: Record<string, string> = {};
  for (const i of error.issues) {
    const key = i.path.map(String).join('.') || '_form';
    out[key] ??= i.message;
  }
  return out;
}

/** What a console form page gets back when its input is refused: the raw values and each field's error. */
export interface RefusedForm {
  values: Record<string, unknown>;
  errors: Record<string, string>;
}

/**
 * The console's one form validator: `@hono/zod-validator` on the form body with the API's zod
 * schema; handlers read `c.req.valid('form')`. Without `onInvalid` a refusal is the error page
 * (400, naming each field). With it, the page draws itself again with what the operator typed and
 * the error beside each wrong field — use that for any form longer than one field.
 */
export function consoleForm<T extends z.ZodType>(
  schema: T,
  onInvalid?: (c: Context<AppEnv>, refused: RefusedForm) => Response | Promise<Response>,
) {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- the validator's own generic
  const hook: Hook<z.infer<T>, AppEnv, string, 'form', {}, T> = async (result, c) => {
    if (result.success) return;
    if (onInvalid)
      return onInvalid(c, {
        values: (result.data ?? {}) as Record<string, unknown>,
        errors: fieldErrors(result.error),
      });
    throw badRequest(
      'invalid_request',
      `入力を確認してください。${describeIssues(result.error)}`,
      result.error.issues,
    );
  };
  return zValidator<T, 'form', AppEnv, string, typeof hook>('form', schema, hook);
}
