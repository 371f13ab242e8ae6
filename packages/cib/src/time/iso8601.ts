// Points in time as Pacemaker's rules see them. Dates come in the ISO 8601 forms crm_time reads:
// calendar (2005-01-20), ordinal (2005-020) and week (2005-W03-4) dates, optionally followed by
// a time (T or space, then hh[:mm[:ss]]) and an offset (Z, +hh[:mm]). Without an offset, UTC.

import type { Duration } from './interval.js';

export interface CrmTime {
  /** Seconds since the Unix epoch (UTC). */
  epoch: number;
  /** Offset from UTC in seconds, used when the time is split into calendar fields. */
  offset: number;
}

export interface TimeFields {
  year: number;
  month: number; // 1-12
  day: number; // 1-31
  yearDay: number; // 1-366
  hour: number;
  minute: number;
  second: number;
  /** ISO weekday, 1 = Monday … 7 = Sunday. */
  weekday: number;
  isoWeek: number;
  isoWeekYear: number;
}

const DAY = 86_400;

function daysFromCivil(y: number, m: number, d: number): number {
  return Math.floor(Date.UTC(y, m - 1, d) / 1000 / DAY);
}

function isoWeekOne(year: number): number {
  // Monday of the week that holds January 4th.
  const jan4 = daysFromCivil(year, 1, 4);
  const wd = ((jan4 + 3) % 7 + 7) % 7; // 0 = Monday (1970-01-01 was a Thursday)
  return jan4 - wd;
}

export function timeFromEpoch(epoch: number, offset = 0): CrmTime {
  return { epoch, offset };
}

export function nowTime(): CrmTime {
  return { epoch: Math.floor(Date.now() / 1000), offset: 0 };
}

/** Parses an ISO 8601 date/time as crm_time does; undefined if it is not one. */
export function parseIsoDateTime(text: string): CrmTime | undefined {
  const t = text.trim();
  const m =
    /^(\d{4})(?:-?(?:W(\d{2})(?:-?(\d))?|(\d{2})-?(\d{2})|(\d{3})))?(?:[T ](\d{2})(?::?(\d{2})(?::?(\d{2}))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/.exec(
      t,
    );
  if (!m) return undefined;
  const year = Number(m[1]);
  let days: number;
  if (m[2] !== undefined) {
    const week = Number(m[2]);
    const wd = m[3] !== undefined ? Number(m[3]) : 1;
    if (week < 1 || week > 53 || wd < 1 || wd > 7) return undefined;
    days = isoWeekOne(year) + (week - 1) * 7 + (wd - 1);
  } else if (m[4] !== undefined) {
    const month = Number(m[4]);
    const day = Number(m[5]);
    if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
    days = daysFromCivil(year, month, day);
  } else if (m[6] !== undefined) {
    const yday = Number(m[6]);
    if (yday < 1 || yday > 366) return undefined;
    days = daysFromCivil(year, 1, 1) + yday - 1;
  } else {
    days = daysFromCivil(year, 1, 1);
  }
  const hour = m[7] ? Number(m[7]) : 0;
  const minute = m[8] ? Number(m[8]) : 0;
  const second = m[9] ? Number(m[9]) : 0;
  if (hour > 24 || minute > 59 || second > 60) return undefined;
  let offset = 0;
  const z = m[10];
  if (z && z !== 'Z') {
    const om = /^([+-])(\d{2}):?(\d{2})?$/.exec(z)!;
    offset = (om[1] === '-' ? -1 : 1) * (Number(om[2]) * 3600 + (om[3] ? Number(om[3]) * 60 : 0));
  }
  const local = days * DAY + hour * 3600 + minute * 60 + second;
  return { epoch: local - offset, offset };
}

export function timeFields(t: CrmTime): TimeFields {
  const local = t.epoch + t.offset;
  const days = Math.floor(local / DAY);
  const secs = local - days * DAY;
  const date = new Date(days * DAY * 1000);
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth() + 1;
  const day = date.getUTCDate();
  const yearDay = days - daysFromCivil(year, 1, 1) + 1;
  const weekday = ((((days + 3) % 7) + 7) % 7) + 1;
  let isoWeekYear = year;
  let start = isoWeekOne(year);
  if (days < start) {
    isoWeekYear = year - 1;
    start = isoWeekOne(year - 1);
  } else if (days >= isoWeekOne(year + 1)) {
    isoWeekYear = year + 1;
    start = isoWeekOne(year + 1);
  }
  return {
    year,
    month,
    day,
    yearDay,
    hour: Math.floor(secs / 3600),
    minute: Math.floor((secs % 3600) / 60),
    second: secs % 60,
    weekday,
    isoWeek: Math.floor((days - start) / 7) + 1,
    isoWeekYear,
  };
}

/** Adds (or, with sign -1, subtracts) a calendar duration; month ends are clamped. */
export function addDuration(t: CrmTime, d: Duration, sign: 1 | -1 = 1): CrmTime {
  let epoch = t.epoch;
  if (d.years || d.months) {
    const f = timeFields(t);
    const totalMonths = f.year * 12 + (f.month - 1) + sign * (d.years * 12 + d.months);
    const y = Math.floor(totalMonths / 12);
    const mo = (totalMonths % 12) + 1;
    const lastDay = new Date(Date.UTC(y, mo, 0)).getUTCDate();
    const day = Math.min(f.day, lastDay);
    const local = daysFromCivil(y, mo, day) * DAY + f.hour * 3600 + f.minute * 60 + f.second;
    epoch = local - t.offset;
  }
  epoch += sign * (d.days * DAY + d.seconds);
  return { epoch, offset: t.offset };
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** `YYYY-MM-DD HH:MM:SSZ`, the form crm_simulate prints the execution date in. */
export function formatUtc(t: CrmTime): string {
  const f = timeFields({ epoch: t.epoch, offset: 0 });
  return `${f.year}-${pad(f.month)}-${pad(f.day)} ${pad(f.hour)}:${pad(f.minute)}:${pad(f.second)}Z`;
}

/**
 * Phase of the moon, 0 (new) … 7, by the classic integer approximation Pacemaker inherited
 * for the deprecated `moon` date_spec field.
 */
export function moonPhase(t: CrmTime): number {
  const f = timeFields(t);
  const golden = (f.year % 19) + 1;
  let epact = (11 * golden + 18) % 30;
  if ((epact === 25 && golden > 11) || epact === 24) epact++;
  return Math.floor(((((f.yearDay - 1 + epact) * 6 + 11) % 177) / 22)) & 7;
}
