export * from './delivery-calendar-settings';
export * from './delivery-day-for';
export * from './is-delivery-day';
