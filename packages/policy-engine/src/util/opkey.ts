// Operation keys: "<rsc>_<task>_<interval-ms>", and the notify keys of clone notifications.

/**
 * Interval-0 keys, one string per resource and task: the same string object comes back each time,
 * so its hash is computed once however often it is looked up.
 */
const zeroKeys = new Map<string, Map<string, string>>();

export function opKey(rscId: string, task: string, intervalMs = 0): string {
  if (intervalMs !== 0) return `${rscId}_${task}_${intervalMs}`;
  let byTask = zeroKeys.get(rscId);
  if (byTask === undefined) {
    if (zeroKeys.size > 1_000_000) zeroKeys.clear();
    byTask = new Map();
    zeroKeys.set(rscId, byTask);
  }
  let key = byTask.get(task);
  if (key === undefined) {
    key = `${rscId}_${task}_0`;
    byTask.set(task, key);
  }
  return key;
}

export function notifyKey(rscId: string, notifyType: string, opType: string): string {
  return `${rscId}_${notifyType}_notify_${opType}_0`;
}

export interface ParsedOpKey {
  rscId: string;
  task: string;
  intervalMs: number;
  /** Whether opKey(rscId, task, intervalMs) gives back the parsed key (its interval is written plainly). */
  canonical: boolean;
}

const MIGRATE_NOTIFY = /^(.*)_(migrate_(from|to)|(pre|post)_notify_([a-z]+|migrate_(from|to)))_([0-9]+)$/;

/** Parsed keys: the scheduler parses the same few keys (one per resource and task) many times. */
const parsedKeys = new Map<string, Readonly<ParsedOpKey> | undefined>();

/** Pacemaker's parse_op_key (resource ids may themselves contain underscores). */
export function parseOpKey(key: string): Readonly<ParsedOpKey> | undefined {
  if (parsedKeys.has(key)) return parsedKeys.get(key);
  if (parsedKeys.size > 1_000_000) parsedKeys.clear();
  const parsed = parseOpKeyText(key);
  parsedKeys.set(key, parsed);
  return parsed;
}

function parseOpKeyText(key: string): ParsedOpKey | undefined {
  const parts = splitOpKey(key);
  if (parts === undefined) return undefined;
  const [rscId, task, intervalMs] = parts;
  return { rscId, task, intervalMs, canonical: key === `${rscId}_${task}_${intervalMs}` };
}

function splitOpKey(key: string): [string, string, number] | undefined {
  const u1 = key.indexOf('_');
  if (u1 < 0) return undefined;
  const u2 = key.indexOf('_', u1 + 1);
  if (u2 < 0) return undefined;
  const u3 = key.indexOf('_', u2 + 1);
  if (u3 < 0) return [key.slice(0, u1), key.slice(u1 + 1, u2), parseInterval(key.slice(u2 + 1))];
  const m = MIGRATE_NOTIFY.exec(key);
  if (m) return [m[1]!, m[2]!, parseInterval(m[7]!)];
  const iSep = key.lastIndexOf('_');
  const tSep = key.lastIndexOf('_', iSep - 1);
  if (tSep < 0) return undefined;
  return [key.slice(0, tSep), key.slice(tSep + 1, iSep), parseInterval(key.slice(iSep + 1))];
}

function parseInterval(s: string): number {
  const m = /^\s*(\d+)/.exec(s);
  return m ? Number(m[1]) : 0;
}
