const DAY_MS = 86_400_000;

/** `YYYY-MM-DD` plus `days` (negative to go back), in calendar days. */
export function addDays(day: string, days: number): string {
  const time = Date.parse(`${day}T00:00:00Z`);
  if (Number.isNaN(time)) throw new Error(`not a day: ${day}`);
  return new Date(time + days * DAY_MS).toISOString().slice(0, 10);
}

/**
 * Contact details are kept for `days` days after the story: received on 1 March with 180 days, they are
 * gone on 28 August. So on `today` the oldest story whose details are still kept arrived on this day.
 */
export function oldestKeptDay(today: string, days: number): string {
  return addDays(today, 1 - days);
}

/** The day the retention job deletes contact details of a story received on `receivedOn`. */
export function deleteOnDay(receivedOn: string, days: number): string {
  return addDays(receivedOn, days);
}
