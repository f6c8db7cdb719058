import { tokyoDate } from '../../lib/tokyo';

/** One leg in the air: take-off at one place, landing at another (domain.md §6 飛行記録). */
export interface FlightLegInput {
  registrationMark: string;
  airframeModel: string;
  pilotName: string;
  pilotLicenceNo: string;
  purpose: string;
  route: string;
  flightMethod: string;
  takeoffPlace: string;
  takeoffAt: Date;
  landingPlace: string;
  landingAt: Date;
  safetyNotes: string;
  defects: string;
  /** Airframe's total air time before this leg. */
  previousTotalSec: number;
}

export interface FlightRecord {
  registrationMark: string;
  airframeModel: string;
  /** Tokyo date of take-off. */
  date: string;
  pilotName: string;
  pilotLicenceNo: string;
  purpose: string;
  route: string;
  flightMethod: string;
  takeoffPlace: string;
  takeoffAt: Date;
  landingPlace: string;
  landingAt: Date;
  flightSec: number;
  totalSec: number;
  safetyNotes: string;
  defects: string;
}

export function buildFlightRecord(leg: FlightLegInput): FlightRecord {
  const flightSec = Math.round((leg.landingAt.getTime() - leg.takeoffAt.getTime()) / 1000);
  if (flightSec < 0) throw new RangeError('landing before take-off');
  const { previousTotalSec, ...rest } = leg;
  return {
    ...rest,
    date: tokyoDate(leg.takeoffAt),
    flightSec,
    totalSec: previousTotalSec + flightSec,
  };
}
