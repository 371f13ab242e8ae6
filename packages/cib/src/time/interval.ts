// Time spans as Pacemaker reads them in operation intervals, timeouts and option values:
// "10" (seconds), "10s", "500ms", "5min", "2h", or an ISO 8601 duration such as "PT1M".

const UNIT_MS: Record<string, number> = {
  '': 1000,
  s: 1000,
  sec: 1000,
  second: 1000,
  seconds: 1000,
  ms: 1,
  msec: 1,
  us: 0.001,
  usec: 0.001,
  m: 60_000,
  min: 60_000,
  mins: 60_000,
  minute: 60_000,
  minutes: 60_000,
  h: 3_600_000,
  hr: 3_600_000,
  hour: 3_600_000,
  hours: 3_600_000,
};

/**
 * Milliseconds in an interval specification, or undefined if it cannot be read.
 * Plain numbers are seconds.
 */
export function parseIntervalMs(spec: string | undefined): number | undefined {
  if (spec === undefined) return undefined;
  const t = spec.trim();
  if (t === '') return undefined;
  if (t[0] === 'P' || t[0] === 'p') {
    const d = parseIsoDuration(t);
    return d === undefined ? undefined : durationApproxMs(d);
  }
  const m = /^([0-9]+(?:\.[0-9]*)?)\s*([a-zA-Z]*)$/.exec(t);
  if (!m) return undefined;
  const unit = UNIT_MS[m[2]!.toLowerCase()];
  if (unit === undefined) return undefined;
  return Math.floor(Number(m[1]) * unit);
}

/** A calendar duration; months and years are kept apart because their length varies. */
export interface Duration {
  years: number;
  months: number;
  days: number;
  /** Hours, minutes and seconds together. */
  seconds: number;
}

export const ZERO_DURATION: Duration = { years: 0, months: 0, days: 0, seconds: 0 };

/** Parses ISO 8601 durations: P1Y2M3W4DT5H6M7S (weeks are 7 days), case-insensitive. */
export function parseIsoDuration(text: string): Duration | undefined {
  const m =
    /^P(?:([0-9]+)Y)?(?:([0-9]+)M)?(?:([0-9]+)W)?(?:([0-9]+)D)?(?:T(?:([0-9]+)H)?(?:([0-9]+)M)?(?:([0-9]+(?:\.[0-9]+)?)S)?)?$/i.exec(
      text.trim(),
    );
  if (!m || text.trim().length <= 1) return undefined;
  const n = (i: number) => (m[i] ? Number(m[i]) : 0);
  return {
    years: n(1),
    months: n(2),
    days: n(3) * 7 + n(4),
    seconds: n(5) * 3600 + n(6) * 60 + Math.floor(n(7)),
  };
}

/** Length of a duration in milliseconds, counting a month as 30 days and a year as 365. */
export function durationApproxMs(d: Duration): number {
  return ((d.years * 365 + d.months * 30 + d.days) * 86_400 + d.seconds) * 1000;
}
