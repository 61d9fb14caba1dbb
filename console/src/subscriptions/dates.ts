// Days as the subscription forms take them (a date input's "2026-12-31") and as the graph wants them.

/** A date input's day as the graph's DateTime: midnight UTC. */
export function dayToDateTime(day: string): string {
  return `${day}T00:00:00Z`;
}

export function isDay(typed: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(typed);
}
