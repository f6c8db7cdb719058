import { TypedField, type TypedFieldProps } from './typed-field';

const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;

const TIME = {
  idPrefix: 'time-field',
  className: 'date-field time-field',
  pattern: '([01]\\d|2[0-3]):[0-5]\\d',
  placeholder: '07:30',
  hint: '時:分（24時間、例：07:30）',
  reading: (v: string) => (HH_MM.test(v) ? `${Number(v.slice(0, 2))}時${v.slice(3)}分` : ''),
  width: '5.5em',
};

/** A time of day typed as 07:30 (24-hour), beside DateField; the same HH:MM the routes parse. */
export function TimeField(props: TypedFieldProps) {
  return <TypedField {...props} kind={TIME} />;
}
