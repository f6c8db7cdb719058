const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;

/**
 * A time of day typed as 07:30 (24-hour), beside DateField. Chromium's `<input type="time">`
 * draws 09:00 PM in a Japanese page whatever its lang; this is the same HH:MM the routes parse.
 */
export function TimeField(props: {
  label: string;
  name: string;
  value: string;
  required?: boolean;
  error?: string | undefined;
}) {
  const id = `time-field-${props.name}`;
  return (
    <span class="date-field time-field">
      <label for={id} style="display:inline">
        {props.label}
      </label>{' '}
      <input
        id={id}
        name={props.name}
        value={props.value}
        inputmode="numeric"
        pattern="([01]\d|2[0-3]):[0-5]\d"
        placeholder="07:30"
        autocomplete="off"
        aria-describedby={`${id}-hint`}
        aria-invalid={props.error ? 'true' : undefined}
        required={props.required}
        style="width:5.5em"
      />
      <output for={id}>
        {HH_MM.test(props.value) ? `${Number(props.value.slice(0, 2))}時${props.value.slice(3)}分` : ''}
      </output>{' '}
      <span class="hint" id={`${id}-hint`} style="display:inline">
        時:分（24時間、例：07:30）
      </span>
      {props.error ? <span class="field-error">{props.error}</span> : null}
    </span>
  );
}
