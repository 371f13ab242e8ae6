// Operation keys: parsing them back, and knowing when a parsed key is written as opKey writes it
// (findActionsByTask retries a lookup under the rebuilt key only when that key differs).

import { describe, expect, it } from 'vitest';
import { opKey, parseOpKey } from '../src/util/opkey.js';

describe('operation keys', () => {
  it('parses resource ids with underscores, intervals and notify keys', () => {
    expect(parseOpKey('my_rsc_monitor_10000')).toMatchObject({ rscId: 'my_rsc', task: 'monitor', intervalMs: 10000 });
    expect(parseOpKey('db_pre_notify_start_0')).toMatchObject({ rscId: 'db', task: 'pre_notify_start', intervalMs: 0 });
    expect(parseOpKey('vm_migrate_to_0')).toMatchObject({ rscId: 'vm', task: 'migrate_to', intervalMs: 0 });
    expect(parseOpKey('nounderscore')).toBeUndefined();
  });

  it('calls a key canonical only when opKey writes it back the same', () => {
    for (const key of ['r1_start_0', 'my_rsc_monitor_10000', 'db_pre_notify_start_0', opKey('a_b', 'stop')]) {
      const parsed = parseOpKey(key)!;
      expect(parsed.canonical).toBe(true);
      expect(opKey(parsed.rscId, parsed.task, parsed.intervalMs)).toBe(key);
    }
    for (const key of ['r1_start_00', 'r1_monitor_010', 'r1_stop_x']) {
      const parsed = parseOpKey(key)!;
      expect(parsed.canonical).toBe(false);
      expect(opKey(parsed.rscId, parsed.task, parsed.intervalMs)).not.toBe(key);
    }
  });
});
