import { describe, expect, it } from 'vitest';
import { lsbActionToOcf, lsbStatusToOcf, maskProbeResult, normalizeOcfExitCode, ocfExitCodeName, parseExitReason, ocfEnvironment, metaFromEnvironment } from '../src/index.js';

describe('OCF exit codes', () => {
  it('keeps 0-9 and 190/191 and reads anything else as a generic error', () => {
    for (const rc of [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 190, 191]) expect(normalizeOcfExitCode(rc)).toBe(rc);
    for (const rc of [10, 99, 127, 189, 192, 255]) expect(normalizeOcfExitCode(rc)).toBe(1);
    expect(ocfExitCodeName(8)).toBe('OCF_RUNNING_PROMOTED');
    expect(ocfExitCodeName(191)).toBe('OCF_DEGRADED_PROMOTED');
  });

  it("reads a probe's not-installed and invalid-argument as not running, nothing else", () => {
    expect(maskProbeResult(5)).toBe(7);
    expect(maskProbeResult(2)).toBe(7);
    for (const rc of [0, 1, 3, 4, 6, 7, 8, 9] as const) expect(maskProbeResult(rc)).toBe(rc);
  });

  it('maps LSB status codes as Pacemaker does, and other LSB codes 1:1 up to 7', () => {
    expect([0, 1, 2, 3, 4, 150, 151, 200].map(lsbStatusToOcf)).toEqual([0, 7, 7, 7, 1, 5, 4, 1]);
    expect([0, 3, 5, 7, 8, 150].map(lsbActionToOcf)).toEqual([0, 3, 5, 7, 1, 1]);
  });
});

describe('exit reasons', () => {
  it('takes the last ocf-exit-reason line, up to its end', () => {
    const stderr = 'INFO: x\nocf-exit-reason:first reason\nmore\nocf-exit-reason:environment is invalid, resource considered stopped\ntrailer\n';
    expect(parseExitReason(stderr)).toBe('environment is invalid, resource considered stopped');
    expect(parseExitReason('nothing here')).toBeUndefined();
    expect(parseExitReason('ocf-exit-reason:\n')).toBeUndefined();
  });
});

describe('the OCF environment', () => {
  it('passes parameters, meta attributes with - turned into _, interval and timeout in ms, notify lists', () => {
    const env = ocfEnvironment({
      instance: 'drbd-r0:1',
      provider: 'linbit',
      type: 'drbd',
      params: { drbd_resource: 'r0' },
      meta: { 'clone-max': '2', 'promoted-max': '1', notify: 'true', timeout: '999' },
      intervalMs: 10_000,
      timeoutMs: 20_000,
      checkLevel: 10,
      notify: { type: 'pre', operation: 'promote', lists: { promote_uname: ['node1'], active_uname: ['node1', 'node2'], demote_uname: [] } },
    });
    expect(env).toMatchObject({
      OCF_RA_VERSION_MAJOR: '1',
      OCF_RA_VERSION_MINOR: '1',
      OCF_ROOT: '/usr/lib/ocf',
      OCF_RESOURCE_INSTANCE: 'drbd-r0:1',
      OCF_RESOURCE_TYPE: 'drbd',
      OCF_RESOURCE_PROVIDER: 'linbit',
      OCF_EXIT_REASON_PREFIX: 'ocf-exit-reason:',
      OCF_RESKEY_drbd_resource: 'r0',
      OCF_RESKEY_CRM_meta_clone_max: '2',
      OCF_RESKEY_CRM_meta_promoted_max: '1',
      OCF_RESKEY_CRM_meta_interval: '10000',
      OCF_RESKEY_CRM_meta_timeout: '20000',
      OCF_CHECK_LEVEL: '10',
      OCF_RESKEY_CRM_meta_notify_type: 'pre',
      OCF_RESKEY_CRM_meta_notify_operation: 'promote',
      OCF_RESKEY_CRM_meta_notify_promote_uname: 'node1',
      OCF_RESKEY_CRM_meta_notify_active_uname: 'node1 node2',
      OCF_RESKEY_CRM_meta_notify_demote_uname: ' ',
    });
    expect(metaFromEnvironment(env)['clone_max']).toBe('2');
  });
});
