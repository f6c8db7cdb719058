/** What distinguishes one typed field (date, month, time) from another. */
export interface TypedFieldKind {
  idPrefix: string;
  className: string;
  pattern: string;
  placeholder: string;
  hint: string;
  /** The Japanese reading shown beside a well-formed value; '' otherwise. */
  reading: (value: string) => string;
  width?: string;
}

export interface TypedFieldProps {
  label: string;
  name: string;
  value: string;
  required?: boolean;
  /** The field's error after a refused post (consoleForm's onInvalid). */
  error?: string | undefined;
}

/**
 * The one markup of a date, month or time typed as text with its Japanese reading beside it.
 * Chromium's native date/month/time pickers draw their own locale's format whatever the page's
 * lang, so staff pages type the same ISO values the routes already parse.
 */
export function TypedField(props: TypedFieldProps & { kind: TypedFieldKind }) {
  const k = props.kind;
  const id = `${k.idPrefix}-${props.name}`;
  return (
    <span class={k.className}>
      <label for={id} style="display:inline">
        {props.label}
      </label>{' '}
      <input
        id={id}
        name={props.name}
        value={props.value}
        inputmode="numeric"
        pattern={k.pattern}
        placeholder={k.placeholder}
        autocomplete="off"
        aria-describedby={props.error ? `${id}-hint ${id}-error` : `${id}-hint`}
        aria-invalid={props.error ? 'true' : undefined}
        required={props.required}
        style={k.width ? `width:${k.width}` : undefined}
      />
      <output for={id}>{k.reading(props.value)}</output>{' '}
      <span class="hint" id={`${id}-hint`} style="display:inline">
        {k.hint}
      </span>
      {props.error ? (
        <span class="field-error" id={`${id}-error`}>
          {props.error}
        </span>
      ) : null}
    </span>
  );
}
