export * from './types';
export { decideWatchStep, isAwayAt, silenceAnchor } from './decide-watch-step';
export {
  newWatchState,
  recordSign,
  recordHeartbeat,
  recordLifeSignIn,
  addAway,
  applyDecision,
  acknowledge,
  startLearning,
  type Acknowledgement,
} from './watch-state';
export { findBrokenRhythm, markSignOfLife, emptyRhythm, type BrokenRhythm } from './rhythm';
export { tierLadder } from './tier-ladder';
export { localDayIndex, localHourIndex, localMinuteOfDay, awakeMinutesBetween } from './local-time';
export { checkAfterMinutes, attemptsFor, emptyNormal } from './learned-normal';
