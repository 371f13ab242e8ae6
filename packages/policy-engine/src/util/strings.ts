// String comparisons with Pacemaker's exact semantics.

import { parseBoolean } from '@hacluster/cib';

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function lower(c: number): number {
  return c >= 65 && c <= 90 ? c + 32 : c;
}

/**
 * Pacemaker's pcmk__numeric_strcasecmp: case-insensitive, with runs of digits compared as
 * numbers (node2 < node10; for equal numbers the shorter run first, so 7 < 007).
 */
export function numericStrcasecmp(s1: string, s2: string): number {
  let i = 0;
  let j = 0;
  while (i < s1.length && j < s2.length) {
    const c1 = s1.charCodeAt(i);
    const c2 = s2.charCodeAt(j);
    if (isDigit(c1) && isDigit(c2)) {
      let e1 = i;
      while (e1 < s1.length && isDigit(s1.charCodeAt(e1))) e1++;
      let e2 = j;
      while (e2 < s2.length && isDigit(s2.charCodeAt(e2))) e2++;
      const n1 = Number(s1.slice(i, e1));
      const n2 = Number(s2.slice(j, e2));
      if (n1 !== n2) return n1 < n2 ? -1 : 1;
      const l1 = e1 - i;
      const l2 = e2 - j;
      if (l1 !== l2) return l1 < l2 ? -1 : 1;
      i = e1;
      j = e2;
    } else {
      const a = lower(c1);
      const b = lower(c2);
      if (a !== b) return a < b ? -1 : 1;
      i++;
      j++;
    }
  }
  if (i >= s1.length && j < s2.length) return -1;
  if (i < s1.length && j >= s2.length) return 1;
  return 0;
}

/** C strcmp on byte values (the tie-break upstream uses for names and ids). */
export function strcmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Case-insensitive equality (pcmk__str_eq with pcmk__str_casei), undefined equal only to undefined. */
export function eqCase(a: string | undefined, b: string | undefined): boolean {
  if (a === b) return true; // the usual case, without making two lower-case copies
  if (a === undefined || b === undefined) return false;
  return a.length === b.length && a.toLowerCase() === b.toLowerCase();
}

/** Pacemaker's crm_is_true: yes/true/on/y/1 in any case. */
export function isTrue(value: string | undefined): boolean {
  return parseBoolean(value) === true;
}

/** crm_str_to_boolean: true/false for recognized spellings, undefined otherwise. */
export const toBoolean = parseBoolean;

/** strtoll-like: the leading integer of the text (after blanks), or the fallback without digits. */
export function scanInt(text: string | undefined, fallback = 0): number {
  if (text === undefined) return fallback;
  const m = /^\s*([+-]?\d+)/.exec(text);
  return m ? Number(m[1]) : fallback;
}
