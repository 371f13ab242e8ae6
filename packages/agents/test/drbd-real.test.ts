// The real drbd backend cannot drive DRBD here (no kernel module). It runs against fake drbdadm,
// drbdsetup, modinfo, modprobe and crm_attribute on PATH that record every command and keep a
// fake kernel state; each drbdadm command is also handed to the real `drbdadm -d` (dry run) with
// a real drbd.conf, which must accept it and shows the drbdsetup/drbdmeta commands it stands for.

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scratch, writeScript } from './support.js';
import { builtin, runner } from './support-agents.js';

const REAL_DRBDADM = '/usr/sbin/drbdadm';

function fakeDrbd(): { bin: string; log: string; dry: string; conf: string } {
  const dir = scratch('drbd-fake-');
  const bin = join(dir, 'bin');
  const log = join(dir, 'commands.log');
  const dry = join(dir, 'dry-run.log');
  const state = join(dir, 'kernel');
  const conf = join(dir, 'drbd.conf');
  writeFileSync(
    conf,
    `resource r0 {\n  device /dev/drbd0;\n  disk /dev/loop7;\n  meta-disk internal;\n` +
      `  on ${hostname().split('.')[0]} { node-id 0; address 10.99.0.1:7789; }\n  on node2 { node-id 1; address 10.99.0.2:7789; }\n}\n`,
  );
  writeFileSync(log, '');
  writeScript(join(bin, 'modinfo'), '#!/bin/sh\necho 9.2.0\n');
  writeScript(join(bin, 'modprobe'), `#!/bin/sh\necho "modprobe $*" >> ${log}\n`);
  writeScript(join(bin, 'crm_attribute'), `#!/bin/sh\necho "crm_attribute $*" >> ${log}\n`);
  writeScript(
    join(bin, 'drbdadm'),
    `#!/bin/sh
echo "drbdadm $*" >> ${log}
if [ -x ${REAL_DRBDADM} ]; then echo "## drbdadm -d $*" >> ${dry}; ${REAL_DRBDADM} -d "$@" >> ${dry} 2>&1; echo "rc=$?" >> ${dry}; fi
case "$3" in
  sh-dev) echo /dev/drbd0 ;;
  sh-mod-parms) echo minor_count=32 ;;
  adjust) [ -f ${state} ] || echo Secondary > ${state} ;;
  primary) echo Primary > ${state} ;;
  secondary) echo Secondary > ${state} ;;
  down) rm -f ${state} ;;
esac
`,
  );
  writeScript(
    join(bin, 'drbdsetup'),
    `#!/bin/sh
echo "drbdsetup $*" >> ${log}
[ "$1" = events2 ] && [ -f ${state} ] || exit 10
echo "exists resource name:r0 role:$(cat ${state}) suspended:no"
echo "exists connection name:r0 peer-node-id:1 conn-name:node2 connection:Connected role:Secondary"
echo "exists device name:r0 volume:0 minor:0 disk:UpToDate client:no quorum:yes"
echo "exists peer-device name:r0 peer-node-id:1 conn-name:node2 volume:0 replication:Established peer-disk:UpToDate"
echo "exists -"
`,
  );
  return { bin, log, dry, conf };
}

describe('drbd (real backend, recorded against fake binaries)', () => {
  it('runs the commands of LINBIT’s agent and publishes the promotion score', async () => {
    const f = fakeDrbd();
    const r = runner({ HACLUSTER_NODE: 'node1' }, `${f.bin}:/usr/sbin:/usr/bin:/sbin:/bin`);
    const rsc = builtin('drbd-r0', 'drbd', { drbd_resource: 'r0', drbdconf: f.conf }, { clone_max: '2', clone_node_max: '1', promoted_max: '1', promoted_node_max: '1', notify: 'true' });
    const rcs: number[] = [];
    for (const action of ['start', 'monitor', 'promote', 'monitor', 'demote', 'stop', 'monitor'] as const) rcs.push((await r.op(rsc, action, action === 'monitor' ? { intervalMs: 20_000 } : {})).rc);
    expect(rcs).toEqual([0, 0, 0, 8, 0, 0, 7]);
    const lines = readFileSync(f.log, 'utf8').trim().split('\n');
    const conf = `-c ${f.conf}`;
    expect(lines.filter((l) => l.startsWith('drbdadm') || l.startsWith('modprobe'))).toEqual([
      // start: validate, load the module with drbdadm's parameters, bring the resource up
      `drbdadm ${conf} sh-dev r0`,
      `drbdadm ${conf} sh-mod-parms`,
      'modprobe -s drbd minor_count=32',
      `drbdadm ${conf} adjust r0`,
      `drbdadm ${conf} sh-dev r0`, // monitor's validation
      `drbdadm ${conf} sh-dev r0`,
      `drbdadm ${conf} primary r0`,
      `drbdadm ${conf} sh-dev r0`,
      `drbdadm ${conf} sh-dev r0`,
      `drbdadm ${conf} secondary r0`,
      `drbdadm ${conf} down r0`,
      `drbdadm ${conf} sh-dev r0`,
    ]);
    expect(lines.filter((l) => l.startsWith('crm_attribute'))).toEqual([
      'crm_attribute --promotion=drbd-r0 --node node1 --lifetime reboot --update 10000',
      'crm_attribute --promotion=drbd-r0 --node node1 --lifetime reboot --update 10000',
      'crm_attribute --promotion=drbd-r0 --node node1 --lifetime reboot --update 10000',
      'crm_attribute --promotion=drbd-r0 --node node1 --lifetime reboot --update 10000',
      'crm_attribute --promotion=drbd-r0 --node node1 --lifetime reboot --update 10000',
      'crm_attribute --promotion=drbd-r0 --node node1 --lifetime reboot --delete',
      'crm_attribute --promotion=drbd-r0 --node node1 --lifetime reboot --delete',
    ]);
  });

  it.skipIf(!existsSync(REAL_DRBDADM))('every drbdadm command it runs is accepted by the real drbdadm (dry run)', async () => {
    const f = fakeDrbd();
    const r = runner({ HACLUSTER_NODE: 'node1' }, `${f.bin}:/usr/sbin:/usr/bin:/sbin:/bin`);
    const rsc = builtin('drbd-r0', 'drbd', { drbd_resource: 'r0', drbdconf: f.conf, stop_outdates_secondary: 'true' }, {});
    for (const action of ['start', 'promote', 'demote', 'stop'] as const) expect((await r.op(rsc, action)).rc).toBe(0);
    const dry = readFileSync(f.dry, 'utf8');
    expect(dry.match(/^rc=\d+$/gm)?.every((l) => l === 'rc=0')).toBe(true);
    for (const expected of ['drbdsetup new-resource r0 0', 'drbdsetup attach 0 /dev/loop7 /dev/loop7 internal', 'drbdsetup connect r0 1', 'drbdsetup primary r0', 'drbdsetup secondary r0', 'drbdsetup down r0']) {
      expect(dry).toContain(expected);
    }
  });

  it('reports a missing kernel module as not installed, which a probe reads as not running', async () => {
    const f = fakeDrbd();
    writeScript(join(f.bin, 'modinfo'), '#!/bin/sh\necho "modinfo: ERROR: Module drbd not found." >&2\nexit 1\n');
    const r = runner({ HACLUSTER_NODE: 'node1' }, `${f.bin}:/usr/sbin:/usr/bin:/sbin:/bin`);
    const rsc = builtin('drbd-r0', 'drbd', { drbd_resource: 'r0', drbdconf: f.conf });
    const start = await r.op(rsc, 'start');
    expect([start.rc, start.exitReason]).toEqual([5, 'DRBD kernel (module) not available?']);
    expect((await r.op(rsc, 'monitor', { intervalMs: 0 })).rc).toBe(7);
    expect((await r.op(rsc, 'stop')).rc).toBe(0);
  });
});
