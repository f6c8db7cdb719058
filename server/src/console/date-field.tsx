import { formatJaFullDate } from '../lib/tokyo';
import { TypedField, type TypedFieldProps } from './typed-field';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

const DATE = {
  idPrefix: 'date-field',
  className: 'date-field',
  pattern: '\\d{4}-\\d{2}-\\d{2}',
  placeholder: '2026-12-03',
  hint: '年-月-日で入力（例：2026-12-03）',
  reading: (v: string) => (ISO_DATE.test(v) ? formatJaFullDate(v) : ''),
};

/** A calendar date typed as 2026-12-03 with its Japanese reading (2026年12月3日(木)) beside it. */
export function DateField(props: TypedFieldProps) {
  return <TypedField {...props} kind={DATE} />;
}
