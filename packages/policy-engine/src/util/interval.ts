// Time spans as Pacemaker reads them: crm_get_msec ("10s", "500ms", "2min", a bare number of
// seconds) and crm_parse_interval_spec (the same, or an ISO 8601 duration such as "PT30S" or the
// leniently accepted "P30S").

import { memoByText } from './memo.js';

const NUMCHARS = /^[0-9.]+/;

/** crm_get_msec: milliseconds, or -1 when the text cannot be read. */
export function getMsec(text: string | undefined): number {
  return text === undefined ? -1 : msecOf(text);
}

// (timeouts are read for every action, from a handful of distinct texts)
const msecOf = memoByText(msecOfText);

function msecOfText(text: string): number {
  const start = text.replace(/^[ \t\n\r\f\v]+/, '');
  const num = NUMCHARS.exec(start);
  if (!num) return -1;
  const units = start.slice(num[0].length).replace(/^[ \t\n\r\f\v]+/, '').toLowerCase();
  let multiplier = 1000;
  let divisor = 1;
  if (units.startsWith('ms')) multiplier = 1;
  else if (units.startsWith('us')) {
    multiplier = 1;
    divisor = 1000;
  } else if (units.startsWith('s')) multiplier = 1000;
  else if (units.startsWith('m')) multiplier = 60_000;
  else if (units.startsWith('h')) multiplier = 3_600_000;
  else if (units !== '' && units[0] !== '\n' && units[0] !== '\r') return -1;
  // strtoll: the integer part only
  const int = /^[0-9]*/.exec(start)![0];
  if (int === '') return -1;
  return Math.floor((Number(int) * multiplier) / divisor);
}

/** crm_time_parse_duration, converted to seconds; undefined when invalid. */
export function parseDurationSeconds(text: string): number | undefined {
  if (text[0] !== 'P' || text.length < 2 || /\s/.test(text[1]!)) return undefined;
  let isTime = false;
  let seconds = 0;
  let defined = false;
  let i = 1;
  while (i < text.length && text[i] !== '/' && !/\s/.test(text[i]!)) {
    if (text[i] === 'T') {
      isTime = true;
      i++;
      continue;
    }
    const m = /^[0-9]+/.exec(text.slice(i));
    if (!m) return undefined;
    const n = Number(m[0]);
    i += m[0].length;
    switch (text[i]) {
      case 'Y': seconds += n * 365 * 86_400; break;
      case 'M': seconds += isTime ? n * 60 : n * 30 * 86_400; break;
      case 'W': seconds += n * 7 * 86_400; break;
      case 'D': seconds += n * 86_400; break;
      case 'H': seconds += n * 3600; break;
      case 'S': seconds += n; break;
      default: return undefined;
    }
    if (n !== 0) defined = true;
    i++;
  }
  return defined ? seconds : undefined;
}

/** crm_parse_interval_spec: milliseconds; 0 for anything unreadable (or absent). */
export function parseIntervalSpec(text: string | undefined): number {
  return text === undefined ? 0 : intervalOf(text);
}

// (every action looks up its operation's interval: "10s", "20s", "0", …)
const intervalOf = memoByText(parseIntervalSpecText);

function parseIntervalSpecText(text: string): number {
  let ms = -1;
  if (text[0] === 'P') {
    const s = parseDurationSeconds(text);
    if (s !== undefined) ms = s * 1000;
  } else {
    ms = getMsec(text);
  }
  return ms < 0 ? 0 : Math.min(ms, 0xffffffff);
}
