// An okerr-style passive indicator: something outside pushes "OK" (or "ERR") now and then; the
// indicator turns to error when no OK has arrived within its period. State is one JSON file per
// indicator in a directory, so pushes (a command, or the HTTP receiver) and readers (the
// PassiveHeartbeat agent, node health) need not share a process.

import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export type PushStatus = 'OK' | 'ERR';

export interface IndicatorRecord {
  status: PushStatus;
  /** Epoch ms of the last push. */
  updated: number;
  /** Epoch ms of the last OK push. */
  lastOk: number | undefined;
  detail: string;
}

export type IndicatorState = { status: 'OK'; record: IndicatorRecord } | { status: 'ERR'; reason: string; record: IndicatorRecord | undefined };

export function isIndicatorName(name: string): boolean {
  return /^[A-Za-z0-9_.-]{1,64}$/.test(name);
}

function file(dir: string, name: string): string {
  return join(dir, `${name}.json`);
}

export function readIndicator(dir: string, name: string): IndicatorRecord | undefined {
  try {
    return JSON.parse(readFileSync(file(dir, name), 'utf8')) as IndicatorRecord;
  } catch {
    return undefined;
  }
}

export function pushIndicator(dir: string, name: string, status: PushStatus, detail = '', now = Date.now()): IndicatorRecord {
  if (!isIndicatorName(name)) throw new RangeError(`bad indicator name ${name}`);
  mkdirSync(dir, { recursive: true });
  const previous = readIndicator(dir, name);
  const record: IndicatorRecord = { status, updated: now, lastOk: status === 'OK' ? now : previous?.lastOk, detail };
  const tmp = `${file(dir, name)}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(record));
  renameSync(tmp, file(dir, name));
  return record;
}

/**
 * The indicator now: OK when the last push was OK and came within the period. `since` (when the
 * watching began, e.g. the resource's start) counts as an OK: a new indicator gets one period for
 * its first push, and pushes from before it are ignored.
 */
export function indicatorState(dir: string, name: string, periodMs: number, now = Date.now(), since?: number): IndicatorState {
  const found = readIndicator(dir, name);
  const record = found && (since === undefined || found.updated >= since) ? found : undefined;
  if (!record) {
    if (since !== undefined && now - since <= periodMs) return { status: 'OK', record: { status: 'OK', updated: since, lastOk: since, detail: 'waiting for the first push' } };
    return { status: 'ERR', reason: `no push received for ${name}`, record };
  }
  if (record.status !== 'OK') return { status: 'ERR', reason: `${name} reported ERR${record.detail ? `: ${record.detail}` : ''}`, record };
  if (record.lastOk === undefined || now - record.lastOk > periodMs) {
    return { status: 'ERR', reason: `no OK for ${name} within ${Math.round(periodMs / 1000)}s`, record };
  }
  return { status: 'OK', record };
}
