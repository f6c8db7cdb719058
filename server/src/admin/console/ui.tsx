import type { Child } from 'hono/jsx';
import { formatJaFullDate, tokyoDate, tokyoTime } from '../../lib/tokyo';

/** 2026年12月3日(木) 21:00 — the staff pages' one way to show an instant. */
export const jaDateTime = (at: Date | null | undefined): string =>
  at ? `${formatJaFullDate(tokyoDate(at))} ${tokyoTime(at)}` : '—';

/** What the operator typed, as text, for a form drawn again after a refusal. */
export const typed = (values: Record<string, unknown> | undefined, key: string, fallback = ''): string => {
  const v = values?.[key];
  return typeof v === 'string' ? v : v === undefined || v === null ? fallback : String(v);
};

/** A labelled field; with an error it says what is wrong beside it and marks itself invalid. */
export function Field(props: {
  label: string;
  name: string;
  value: string;
  error?: string | undefined;
  hint?: string;
  type?: 'text' | 'email' | 'tel' | 'password';
  inputmode?: 'numeric' | 'tel' | 'email' | 'text';
  required?: boolean;
  autocomplete?: string;
}) {
  const id = `f-${props.name}`;
  const described = [props.hint ? `${id}-hint` : '', props.error ? `${id}-error` : '']
    .filter(Boolean)
    .join(' ');
  return (
    <div class="field">
      <label for={id}>{props.label}</label>
      <input
        id={id}
        name={props.name}
        type={props.type ?? 'text'}
        value={props.value}
        inputmode={props.inputmode}
        required={props.required}
        autocomplete={props.autocomplete ?? 'off'}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={described || undefined}
      />
      {props.hint ? (
        <span class="hint" id={`${id}-hint`}>
          {props.hint}
        </span>
      ) : null}
      {props.error ? (
        <span class="field-error" id={`${id}-error`}>
          {props.error}
        </span>
      ) : null}
    </div>
  );
}

export function SelectField(props: {
  label: string;
  name: string;
  value: string;
  options: { value: string; label: string }[];
  error?: string | undefined;
  empty?: string;
}) {
  const id = `f-${props.name}`;
  return (
    <div class="field">
      <label for={id}>{props.label}</label>
      <select
        id={id}
        name={props.name}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={props.error ? `${id}-error` : undefined}
      >
        {props.empty !== undefined ? <option value="">{props.empty}</option> : null}
        {props.options.map((o) => (
          <option value={o.value} selected={o.value === props.value}>
            {o.label}
          </option>
        ))}
      </select>
      {props.error ? (
        <span class="field-error" id={`${id}-error`}>
          {props.error}
        </span>
      ) : null}
    </div>
  );
}

export function Checkbox(props: { label: string; name: string; checked: boolean }) {
  return (
    <div class="field">
      <label>
        <input type="checkbox" name={props.name} checked={props.checked} /> {props.label}
      </label>
    </div>
  );
}

/** An error of the whole form (e.g. a conflict with another row), above its fields. */
export function FormError(props: { errors: Record<string, string> | undefined }) {
  const e = props.errors?._form;
  return e ? (
    <p class="error" role="alert">
      {e}
    </p>
  ) : null;
}

export function ScrollTable(props: { label: string; children?: Child }) {
  return (
    <div class="table-scroll" tabindex={0} role="region" aria-label={props.label}>
      <table>{props.children}</table>
    </div>
  );
}

/** 前へ / 次へ over a list, keeping its filters in the query. */
export function Pager(props: {
  base: string;
  query: Record<string, string>;
  page: number;
  hasNext: boolean;
}) {
  const href = (p: number) => {
    const q = new URLSearchParams({ ...props.query, page: String(p) });
    for (const [k, v] of [...q.entries()]) if (v === '') q.delete(k);
    return `${props.base}?${q.toString()}`;
  };
  return (
    <nav class="pager" aria-label="ページ送り">
      {props.page > 1 ? <a href={href(props.page - 1)}>← 前へ</a> : null} <span>{props.page}ページ目</span>{' '}
      {props.hasNext ? <a href={href(props.page + 1)}>次へ →</a> : null}
    </nav>
  );
}

/** Page numbers from the query: anything odd is page 1, never an error. */
export const pageOf = (raw: string | undefined): number => {
  const n = raw && /^[1-9]\d{0,4}$/.test(raw) ? Number(raw) : 1;
  return n;
};
