/** Hour of day in Tokyo: the box may run on UTC, residents live on JST. */
export function tokyoHour(now: Date): number {
  const hour = new Intl.DateTimeFormat('en-US', { timeZone: 'Asia/Tokyo', hour: 'numeric', hourCycle: 'h23' })
    .formatToParts(now)
    .find((p) => p.type === 'hour')!.value;
  return Number(hour);
}

export function timeOfDayGreeting(now: Date): string {
  const hour = tokyoHour(now);
  if (hour >= 4 && hour < 11) return 'おはようございます';
  if (hour >= 11 && hour < 18) return 'こんにちは';
  return 'こんばんは';
}

/** "山田 花子さん、こんにちは" — every resident of the household is greeted by name. */
export function greetResidents(names: readonly string[], now: Date): string {
  const greeting = timeOfDayGreeting(now);
  if (names.length === 0) return greeting;
  return `${names.map((n) => `${n}さん`).join('、')}、${greeting}`;
}
