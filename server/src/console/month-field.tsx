import { z } from 'zod';
import { TypedField, type TypedFieldProps } from './typed-field';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** A calendar month 'YYYY-MM' as forms and paths carry it (a billing month, a report month). */
export const TokyoMonthSchema = z
  .string()
  .regex(MONTH, { error: '月は年-月（例：2026-12）で入れてください' });

/** 2026年12月 */
export const formatJaMonth = (month: string) => `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月`;

const MONTH_KIND = {
  idPrefix: 'month-field',
  className: 'date-field',
  pattern: '\\d{4}-\\d{2}',
  placeholder: '2026-12',
  hint: '年-月で入力（例：2026-12）',
  reading: (v: string) => (MONTH.test(v) ? formatJaMonth(v) : ''),
  width: '8em',
};

/** A month typed as 2026-12 with its Japanese reading (2026年12月) beside it: DateField's sibling. */
export function MonthField(props: TypedFieldProps) {
  return <TypedField {...props} kind={MONTH_KIND} />;
}
