// cluster cib / cib-push: whole CIB with the version rule, one section, and the counters moved
// as the CIB manager moves them.

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readVersion } from '@hacluster/cib';
import { afterEach, describe, expect, it } from 'vitest';
import { cibText } from '../../src/pcs/lib/commands/cluster-cib.js';
import { cibPush, cibPushDiff } from '../../src/pcs/lib/commands/cluster-push.js';
import { propertyDefaults, setProperties } from '../../src/pcs/lib/commands/property.js';
import { LibraryError } from '../../src/pcs/lib/reports/item.js';
import { testEnv, type TestEnv } from './helpers.js';

let t: TestEnv;
afterEach(() => t?.cleanup());

const version = () => readVersion(t.cib().root);
const copy = (name: string) => {
  writeFileSync(join(t.dir, name), cibText(t.next()));
  return name;
};

describe('cluster cib', () => {
  it('prints a section at the margin, and refuses unknown or missing sections', () => {
    t = testEnv();
    expect(cibText(t.env, 'nodes')).toBe('<nodes>\n  <node id="1" uname="node01"/>\n  <node id="2" uname="node02"/>\n</nodes>\n');
    expect(() => cibText(t.next(), 'status')).toThrow(LibraryError);
    expect(() => cibText(t.next(), 'acls')).toThrow(LibraryError);
  });
});

describe('cluster cib-push', () => {
  it('takes a newer whole CIB, moving epoch on from the pushed one when the configuration changed', () => {
    t = testEnv();
    const file = copy('new.xml');
    const other = testEnv(readFileSync(join(t.dir, file), 'utf8'));
    setProperties(other.env, [['stonith-enabled', 'false']], false); // epoch 1 -> 2 in the copy
    writeFileSync(join(t.dir, file), readFileSync(other.file));
    other.cleanup();
    cibPush(t.next(), file, undefined);
    expect(version()).toEqual({ adminEpoch: 0, epoch: 3, numUpdates: 0 });
    expect(t.reports.at(-1)?.message.code).toBe('CIB_UPDATED');
  });

  it('refuses a whole CIB older than the current one, and leaves the file alone', () => {
    t = testEnv();
    const old = copy('old.xml');
    setProperties(t.next(), [['batch-limit', '5']], false);
    const before = readFileSync(t.file, 'utf8');
    expect(() => cibPush(t.next(), old, undefined)).toThrow(LibraryError);
    expect(readFileSync(t.file, 'utf8')).toBe(before);
  });

  it('takes an older file for one section, replacing only that section', () => {
    t = testEnv();
    const old = copy('old.xml');
    setProperties(t.next(), [['batch-limit', '5']], false);
    cibPush(t.next(), old, 'configuration');
    expect(cibText(t.next(), 'crm_config')).toBe('<crm_config/>\n');
    expect(version().epoch).toBe(3);
  });

  it('pushing the same content changes nothing but num_updates when only root attributes differ', () => {
    t = testEnv();
    const same = copy('same.xml');
    cibPush(t.next(), same, undefined);
    expect(version()).toEqual({ adminEpoch: 0, epoch: 1, numUpdates: 0 });
    writeFileSync(join(t.dir, same), readFileSync(join(t.dir, same), 'utf8').replace('epoch="1"', 'epoch="7"'));
    cibPush(t.next(), same, undefined);
    expect(version()).toEqual({ adminEpoch: 0, epoch: 7, numUpdates: 1 });
  });

  it('says which file lacks the section or cannot be read', () => {
    t = testEnv();
    expect(() => cibPush(t.next(), 'missing.xml', undefined)).toThrow(/CIB_PUSH_PARSE_ERROR/);
    const f = copy('n.xml');
    expect(() => cibPush(t.next(), f, 'acls')).toThrow(/CIB_SCOPE_NOT_PRESENT/);
    expect(() => cibPush(t.next(), f, 'bogus')).toThrow(/CIB_SCOPE_INVALID/);
  });
});

describe('cluster cib-push diff-against', () => {
  const edit = (name: string, from: string, to: string) => writeFileSync(join(t.dir, name), readFileSync(join(t.dir, name), 'utf8').replace(from, to));

  it('applies only what changed between the two files, keeping changes made meanwhile', () => {
    t = testEnv();
    setProperties(t.env, [['batch-limit', '7']], false);
    const orig = copy('orig.xml');
    const changed = copy('new.xml');
    edit(changed, '<nvpair id="cib-bootstrap-options-batch-limit" name="batch-limit" value="7"/>', '<nvpair id="cib-bootstrap-options-batch-limit" name="batch-limit" value="7"/><nvpair id="se" name="stonith-enabled" value="false"/>');
    setProperties(t.next(), [['no-quorum-policy', 'ignore']], false); // meanwhile, on the cluster
    cibPushDiff(t.next(), changed, orig);
    const crm = cibText(t.next(), 'crm_config');
    expect(crm).toContain('name="stonith-enabled" value="false"');
    expect(crm).toContain('name="no-quorum-policy" value="ignore"');
    expect(version().epoch).toBe(4);
  });

  it('pushes nothing when the two files hold the same, and refuses a change that no longer fits', () => {
    t = testEnv();
    setProperties(t.env, [['batch-limit', '7']], false);
    const orig = copy('orig.xml');
    cibPushDiff(t.next(), orig, orig);
    expect(t.reports.at(-1)?.message.code).toBe('CIB_PUSH_NOTHING_TO_PUSH');
    const changed = copy('new.xml');
    edit(changed, 'value="7"', 'value="9"');
    setProperties(t.next(), [['batch-limit', '8']], false); // meanwhile, the same value changed
    const before = readFileSync(t.file, 'utf8');
    expect(() => cibPushDiff(t.next(), changed, orig)).toThrow(/CIB_PUSH_CONFLICT/);
    expect(readFileSync(t.file, 'utf8')).toBe(before);
  });
});

describe('property defaults', () => {
  it('come from the daemons meta-data built into pcs, without loading any agent', () => {
    const d = propertyDefaults();
    expect(d.get('stonith-enabled')).toBe('true');
    expect(d.get('no-quorum-policy')).toBe('stop');
  });
});
