import type { CarReason } from './types';

/** Shown to residents on the TV, so short, plain Japanese. */
export const carReasonText: Record<CarReason, string> = {
  overweight: '荷物が5kgを超えるため、車でお届けします',
  not_air_cargo: 'ドローンで運べない品物のため、車でお届けします',
  no_route: 'この公民館へのドローンの航路がないため、車でお届けします',
  out_of_range: 'ドローンの飛行距離を超えるため、車でお届けします',
  no_drone: '飛べるドローンがないため、車でお届けします',
  no_flight_slot: '本日のドローン便が満席のため、車でお届けします',
  weather: '天候のため、車でお届けします',
  aborted: 'ドローンの飛行を中止したため、車でお届けします',
};

/** Overweight depends on the drone: say the real limit rather than the usual 5 kg. */
export function describeCarReason(reason: CarReason, payloadG?: number): string {
  if (reason === 'overweight' && payloadG !== undefined) {
    const kg = Math.round(payloadG / 100) / 10;
    return `荷物が${kg}kgを超えるため、車でお届けします`;
  }
  return carReasonText[reason];
}
