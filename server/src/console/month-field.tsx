import { z } from 'zod';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** A calendar month 'YYYY-MM' as forms and paths carry it (a billing month, a report month). */
export const TokyoMonthSchema = z
  .string()
  .regex(MONTH, { error: '月は年-月（例：2026-12）で入れてください' });

/** 2026年12月 */
export const formatJaMonth = (month: string) => `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月`;

/**
 * A month typed as 2026-12 with its Japanese reading beside it: the month sibling of `DateField`.
 * Chromium's native `<input type="month">` draws its own locale's format whatever the page says.
 */
export function MonthField(props: {
  label: string;
  name: string;
  value: string;
  required?: boolean;
  error?: string | undefined;
}) {
  const id = `month-field-${props.name}`;
  return (
    <span class="date-field">
      <label for={id} style="display:inline">
        {props.label}
      </label>{' '}
      <input
        id={id}
        name={props.name}
        value={props.value}
        inputmode="numeric"
        pattern="\d{4}-\d{2}"
        placeholder="2026-12"
        autocomplete="off"
        aria-describedby={props.error ? `${id}-hint ${id}-error` : `${id}-hint`}
        aria-invalid={props.error ? 'true' : undefined}
        required={props.required}
        style="width:8em"
      />
      <output for={id}>{MONTH.test(props.value) ? formatJaMonth(props.value) : ''}</output>{' '}
      <span class="hint" id={`${id}-hint`} style="display:inline">
        年-月で入力（例：2026-12）
      </span>
      {props.error ? (
        <span class="field-error" id={`${id}-error`}>
          {props.error}
        </span>
      ) : null}
    </span>
  );
}
