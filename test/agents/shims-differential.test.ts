// Our crm_attribute, crm_master and crm_resource --locate next to Pacemaker's own (2.1.5, from
// Debian's pacemaker-cli-utils) on copies of the same CIB file: same output, same exit codes,
// same attributes left in the CIB.

import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Cib } from '@hacluster/cib';
import { REPO_BIN, twoNodeCib } from '../support/cib-files.js';

const PACEMAKER = '/usr/sbin';
const missing = !existsSync(join(PACEMAKER, 'crm_attribute'))
  ? 'skipped: Pacemaker’s crm_attribute not installed (pacemaker-cli-utils)'
  : !existsSync(join(REPO_BIN, 'crm_attribute'))
    ? 'skipped: run pnpm install first (node_modules/.bin/crm_attribute)'
    : undefined;

interface Run {
  code: number | null;
  out: string;
}

function run(dir: string, tool: string, args: string[], cibFile: string, env: Record<string, string> = {}): Run {
  const r = spawnSync(join(dir, tool), args, { env: { PATH: `${dir}:/usr/bin:/bin`, CIB_file: cibFile, ...env }, encoding: 'utf8' });
  return { code: r.status, out: r.stdout };
}

/** Every nvpair of node attributes and options: (set id, id, name, value). */
function attributes(file: string): string[] {
  const cib = Cib.parse(readFileSync(file, 'utf8'));
  const out: string[] = [];
  const walk = (el: import('@hacluster/cib').XmlElement, set: string): void => {
    for (const c of el.elements()) {
      if (c.name === 'nvpair') out.push(`${set} ${c.id} ${c.get('name')}=${c.get('value')}`);
      else walk(c, c.name.endsWith('attributes') || c.name === 'utilization' || c.name === 'cluster_property_set' ? (c.id ?? '') : set);
    }
  };
  walk(cib.root, '');
  return out.sort();
}

describe.skipIf(missing !== undefined)(missing ?? 'attribute tools', () => {
  const sequences: [string, [string, string[], Record<string, string>?][]][] = [
    [
      'node attributes, permanent and transient',
      [
        ['crm_attribute', ['-N', 'node1', '-n', 'site', '-v', 'paris']],
        ['crm_attribute', ['-N', 'node1', '-n', 'site', '-G']],
        ['crm_attribute', ['-N', 'node1', '-n', 'site', '-G', '-q']],
        ['crm_attribute', ['--node', 'node2', '--name', 'site', '--lifetime', 'reboot', '--update', 'lyon']],
        ['crm_attribute', ['--node', 'node2', '--name', 'site', '--lifetime', 'reboot', '--query']],
        ['crm_attribute', ['-N', 'node1', '-n', 'site', '-v', 'nice']],
        ['crm_attribute', ['-N', 'node1', '-n', 'nothere', '-G']],
        ['crm_attribute', ['-N', 'node1', '-n', 'nothere', '-G', '-d', 'fallback']],
        ['crm_attribute', ['-N', 'node1', '-n', 'site', '-D']],
        ['crm_attribute', ['-N', 'node1', '-n', 'site', '-D']],
        ['crm_attribute', ['-N', 'node1', '-n', 'cpu', '-z', '-v', '4']],
        ['crm_attribute', ['-N', 'node9', '-n', 'site', '-v', 'x']],
      ],
    ],
    [
      'promotion scores, as agents set them',
      [
        ['crm_attribute', ['-p', 'drbd-r0', '-N', 'node1', '-v', '10000']],
        ['crm_attribute', ['--promotion=drbd-r0', '--node', 'node1', '--query', '--quiet']],
        ['crm_master', ['-Q', '-l', 'reboot', '-v', '100', '-N', 'node2'], { OCF_RESOURCE_INSTANCE: 'stateful1' }],
        ['crm_master', ['-q', '-l', 'reboot', '-G', '-N', 'node2'], { OCF_RESOURCE_INSTANCE: 'stateful1' }],
        ['crm_master', ['-l', 'reboot', '-D', '-N', 'node2'], { OCF_RESOURCE_INSTANCE: 'stateful1' }],
        ['crm_attribute', ['-p', 'drbd-r0', '-N', 'node1', '-D']],
      ],
    ],
    [
      'cluster options',
      [
        ['crm_attribute', ['-t', 'crm_config', '-n', 'stonith-enabled', '-v', 'false']],
        ['crm_attribute', ['--type', 'crm_config', '--name', 'stonith-enabled', '--query', '--quiet']],
        ['crm_attribute', ['-n', 'no-quorum-policy', '-v', 'freeze']],
        ['crm_attribute', ['-n', 'no-quorum-policy', '-G']],
        ['crm_attribute', ['-n', 'no-quorum-policy', '-D']],
        ['crm_attribute', ['-n', 'no-quorum-policy', '-G']],
      ],
    ],
  ];

  it.each(sequences)('%s', (_, steps) => {
    const ours = twoNodeCib();
    const theirs = join(ours, '..', 'theirs.xml');
    copyFileSync(ours, theirs);
    for (const [tool, args, env] of steps) {
      const a = run(REPO_BIN, tool, args, ours, env);
      const b = run(PACEMAKER, tool, args, theirs, env);
      expect({ step: `${tool} ${args.join(' ')}`, ...a }).toEqual({ step: `${tool} ${args.join(' ')}`, ...b });
    }
    expect(attributes(ours)).toEqual(attributes(theirs));
  });

  it('crm_resource --locate reads the same places from the status', () => {
    const file = twoNodeCib({
      resources:
        '      <primitive id="d1" class="ocf" provider="heartbeat" type="Dummy"/>\n' +
        '      <primitive id="d2" class="ocf" provider="heartbeat" type="Dummy"/>\n' +
        '      <clone id="s-clone"><meta_attributes id="s-m"><nvpair id="s-m-p" name="promotable" value="true"/></meta_attributes>' +
        '<primitive id="s" class="ocf" provider="pacemaker" type="Stateful"/></clone>\n',
      status: ['1', '2']
        .map((id) => {
          const node = `node${id}`;
          const op = (rsc: string, op: string, call: number, rc = 0, interval = 0) =>
            `<lrm_rsc_op id="${rsc}_${op}_${call}" operation_key="${rsc}_${op}_${interval}" operation="${op}" crm-debug-origin="t" crm_feature_set="3.16.1" transition-key="1:1:0:x" transition-magic="0:${rc};1:1:0:x" call-id="${call}" rc-code="${rc}" op-status="0" interval="${interval}" on_node="${node}"/>`;
          const d1 = id === '1' ? `<lrm_resource id="d1" class="ocf" provider="heartbeat" type="Dummy">${op('d1', 'start', 3)}</lrm_resource>` : '';
          const d2 = `<lrm_resource id="d2" class="ocf" provider="heartbeat" type="Dummy">${op('d2', 'start', 4)}${op('d2', 'stop', 5)}</lrm_resource>`;
          const s = `<lrm_resource id="s" class="ocf" provider="pacemaker" type="Stateful">${op('s', 'start', 6)}${id === '1' ? op('s', 'promote', 7) : ''}</lrm_resource>`;
          return `    <node_state id="${id}" uname="${node}" in_ccm="true" crmd="online" join="member" expected="member"><lrm id="${id}"><lrm_resources>${d1}${d2}${s}</lrm_resources></lrm></node_state>\n`;
        })
        .join(''),
    });
    for (const args of [['--locate', '-r', 'd1'], ['-W', '-r', 'd2'], ['--locate', '-r', 's-clone'], ['--locate', '-r', 's'], ['-W', '-Q', '-r', 'd1'], ['--locate', '-r', 'nope']]) {
      expect({ args, ...run(REPO_BIN, 'crm_resource', args, file) }).toEqual({ args, ...run(PACEMAKER, 'crm_resource', args, file) });
    }
  });
});
