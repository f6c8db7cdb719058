import { formatJaFullDate } from '../lib/tokyo';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A calendar date typed as 2026-12-03, with its Japanese reading beside it. Chromium's native
 * `<input type="date">` draws mm/dd/yyyy whatever the page's lang, so staff pages use this instead;
 * the submitted value is the same YYYY-MM-DD the routes already parse.
 */
export function DateField(props: {
  label: string;
  name: string;
  value: string;
  required?: boolean;
  /** The field's error after a refused post (consoleForm's onInvalid). */
  error?: string | undefined;
}) {
  const id = `date-field-${props.name}`;
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
        pattern="\d{4}-\d{2}-\d{2}"
        placeholder="2026-12-03"
        autocomplete="off"
        aria-describedby={`${id}-hint`}
        aria-invalid={props.error ? 'true' : undefined}
        required={props.required}
      />
      <output for={id}>{ISO_DATE.test(props.value) ? formatJaFullDate(props.value) : ''}</output>{' '}
      <span class="hint" id={`${id}-hint`} style="display:inline">
        年-月-日で入力（例：2026-12-03）
      </span>
      {props.error ? <span class="field-error">{props.error}</span> : null}
    </span>
  );
}
