/** 「12月10日まで留守にしています」 from the Tokyo date the away period ends. */
export function awayLine(untilDate: string): string {
  const [, m, d] = untilDate.split('-').map(Number);
  return `${m}月${d}日まで留守にしています`;
}

export const BACK_HOME_LABEL = '帰りました';
export const BACK_HOME_ANNOUNCE = '帰りました。留守を終わりにします';

/** Read on arrival at the home screen while away: where the button is and what it does. */
export function awayAnnouncement(untilDate: string): string {
  return `${awayLine(untilDate)}。帰ったら、下の「帰りました」を押してください`;
}
