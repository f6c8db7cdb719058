import { ageOn } from '../lib/tokyo';

export interface EligibilityFacts {
  birthDate: string;
  licenceReturned: boolean;
  disabled: boolean;
  intractableDisease: boolean;
  unableToDrive: boolean;
}

export type EligibilityReason =
  'age65' | 'licenceReturned' | 'disabled' | 'intractableDisease' | 'unableToDrive';

/** Shown on the TV to a resident who may not book; staff register the flags. */
export const NOT_ELIGIBLE_MESSAGE =
  '乗合タクシーは、65歳以上の方、運転免許を返納した方、障がいのある方、指定難病の方、病気などで運転できない方が使えます。登録は市役所の窓口でできます。';

/** Who may ride (Ina's rules): 65+ on the ride date, or one of the registered conditions. */
export function checkEligibility(
  r: EligibilityFacts,
  onDate: string,
): { eligible: boolean; reasons: EligibilityReason[] } {
  const reasons: EligibilityReason[] = [];
  if (ageOn(r.birthDate, onDate) >= 65) reasons.push('age65');
  if (r.licenceReturned) reasons.push('licenceReturned');
  if (r.disabled) reasons.push('disabled');
  if (r.intractableDisease) reasons.push('intractableDisease');
  if (r.unableToDrive) reasons.push('unableToDrive');
  return { eligible: reasons.length > 0, reasons };
}
