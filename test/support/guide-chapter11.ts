// The guide's chapter 11 (DRBD, DLM, clustered LVM, GFS2, libvirtd and a virtual machine on a
// two-node cluster), as its pcs command lines, in the guide's pcs 0.9 syntax and in pcs 0.11
// syntax. "pcs cluster cib X" and "pcs cluster cib-push X" act on the running cluster in the
// guide; here the running cluster's CIB is the file LIVE, so they become "pcs -f LIVE …".
//
// Two lines differ from the printed guide, each for a reason given beside it.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runPcs } from '@hacluster/cli';

export const LIVE = 'live.xml';

/** A two-node cluster as it looks once both nodes joined (what `pcs cluster start --all` leads to). */
export const RUNNING_CLUSTER_CIB = `<cib crm_feature_set="3.16.1" validate-with="pacemaker-3.9" epoch="4" num_updates="0" admin_epoch="0" have-quorum="1" dc-uuid="1">
  <configuration>
    <crm_config>
      <cluster_property_set id="cib-bootstrap-options">
        <nvpair id="cib-bootstrap-options-cluster-infrastructure" name="cluster-infrastructure" value="corosync"/>
        <nvpair id="cib-bootstrap-options-cluster-name" name="cluster-name" value="kuster-test"/>
      </cluster_property_set>
    </crm_config>
    <nodes>
      <node id="1" uname="node01"/>
      <node id="2" uname="node02"/>
    </nodes>
    <resources/>
    <constraints/>
  </configuration>
  <status>
    <node_state id="1" uname="node01" in_ccm="true" crmd="online" join="member" expected="member" crm-debug-origin="guide-test"/>
    <node_state id="2" uname="node02" in_ccm="true" crmd="online" join="member" expected="member" crm-debug-origin="guide-test"/>
  </status>
</cib>
`;

/** Chapter 6 (quorum and fencing), which chapter 11 builds on, in the guide's words. */
const PREAMBLE_09 = `
pcs property set no-quorum-policy=ignore
pcs cluster cib stonith_cfg
pcs -f stonith_cfg stonith create fence_n01_ipmi fence_ipmilan pcmk_host_list="node01" ipaddr="node01.ipmi" action="reboot" login="admin" passwd="secret" op monitor interval=60s
pcs -f stonith_cfg stonith create fence_n02_ipmi fence_ipmilan pcmk_host_list="node02" ipaddr="node02.ipmi" action="reboot" login="admin" passwd="secret" op monitor interval=60s
pcs -f stonith_cfg property set stonith-enabled=true
pcs -f stonith_cfg property
pcs cluster cib-push stonith_cfg
pcs constraint location fence_n01_ipmi prefers node02=INFINITY
pcs constraint location fence_n01_ipmi prefers node01=-INFINITY
pcs constraint location fence_n02_ipmi prefers node01=INFINITY
pcs constraint location fence_n02_ipmi prefers node02=-INFINITY
`;

const CHAPTER_09 = `
pcs cluster cib drbd_cfg
pcs -f drbd_cfg resource create drbd_datos ocf:linbit:drbd drbd_resource=datos op monitor interval=60s
# The guide prints "resource master drbd_datos-drbd_datos …", a typo: the clone id comes first, then the resource.
pcs -f drbd_cfg resource master drbd_datos-clone drbd_datos master-max=2 master-node-max=1 clone-max=2 clone-node-max=1 notify=true
pcs cluster cib-push drbd_cfg
pcs cluster cib dlm_cfg
pcs -f dlm_cfg resource create dlm ocf:pacemaker:controld op monitor interval=60s
pcs -f dlm_cfg resource clone dlm clone-max=2 clone-node-max=1
pcs cluster cib-push dlm_cfg
pcs cluster cib clvmd_cfg
pcs -f clvmd_cfg resource create clvmd ocf:heartbeat:clvm op monitor interval=60s
pcs -f clvmd_cfg resource clone clvmd clone-max=2 clone-node-max=1
pcs cluster cib-push clvmd_cfg
pcs cluster cib fs_cfg
pcs -f fs_cfg resource create sharedFS Filesystem device="/dev/vg_shared/lv_shared" directory="/home/datos" fstype="gfs2"
pcs -f fs_cfg resource clone sharedFS clone-max=2 clone-node-max=1
pcs cluster cib-push fs_cfg
pcs cluster cib restricciones_cfg
pcs -f restricciones_cfg constraint order start dlm-clone then promote drbd_datos-clone
pcs -f restricciones_cfg constraint order promote drbd_datos-clone then start clvmd-clone kind=Serialize
pcs -f restricciones_cfg constraint order start clvmd-clone then start sharedFS-clone kind=Serialize
pcs -f restricciones_cfg constraint colocation add master drbd_datos-clone with dlm-clone
pcs -f restricciones_cfg constraint colocation add clvmd-clone with master drbd_datos-clone
pcs -f restricciones_cfg constraint colocation add sharedFS-clone clvmd-clone
pcs cluster cib-push restricciones_cfg
pcs constraint show
pcs cluster cib libvirt_cfg
# There is no systemd here to describe libvirtd.service: like pcs, we create the resource only with --force.
pcs -f libvirt_cfg resource create res_libvirtd systemd:libvirtd op start interval=0s timeout=15s stop interval=0s timeout=15s monitor interval=15s timeout=15s --force
pcs -f libvirt_cfg resource clone res_libvirtd clone-max=2 notify=true
pcs cluster cib-push libvirt_cfg
pcs cluster cib restricciones_lbvd_cfg
pcs -f restricciones_lbvd_cfg constraint order start sharedFS-clone then start res_libvirtd-clone kind=Serialize
pcs -f restricciones_lbvd_cfg constraint colocation add res_libvirtd-clone sharedFS-clone
pcs cluster cib-push restricciones_lbvd_cfg
pcs cluster cib vm1_cfg
pcs -f vm1_cfg resource create ubuntu ocf:heartbeat:VirtualDomain hypervisor="qemu:///system" config="/home/datos/xmls/ubuntu.xml" migration_transport=ssh meta allow-migrate=true
pcs cluster cib-push vm1_cfg
pcs cluster cib restricciones_mv1_cfg
pcs -f restricciones_mv1_cfg constraint order start res_libvirtd-clone then start ubuntu symmetrical=false
pcs cluster cib-push restricciones_mv1_cfg
`;

/** The same configuration as pcs 0.11 writes it. */
const PREAMBLE_011 = `
pcs property set no-quorum-policy=ignore
pcs cluster cib stonith_cfg
pcs -f stonith_cfg stonith create fence_n01_ipmi fence_ipmilan pcmk_host_list="node01" ip="node01.ipmi" pcmk_reboot_action="reboot" username="admin" password="secret" op monitor interval=60s
pcs -f stonith_cfg stonith create fence_n02_ipmi fence_ipmilan pcmk_host_list="node02" ip="node02.ipmi" pcmk_reboot_action="reboot" username="admin" password="secret" op monitor interval=60s
pcs -f stonith_cfg property set stonith-enabled=true
pcs -f stonith_cfg property config
pcs cluster cib-push stonith_cfg
pcs constraint location fence_n01_ipmi prefers node02=INFINITY
pcs constraint location fence_n01_ipmi avoids node01
pcs constraint location fence_n02_ipmi prefers node01=INFINITY
pcs constraint location fence_n02_ipmi avoids node02
`;

const CHAPTER_011 = `
pcs cluster cib drbd_cfg
pcs -f drbd_cfg resource create drbd_datos ocf:linbit:drbd drbd_resource=datos op monitor interval=60s
pcs -f drbd_cfg resource promotable drbd_datos drbd_datos-clone promoted-max=2 promoted-node-max=1 clone-max=2 clone-node-max=1 notify=true
pcs cluster cib-push drbd_cfg
pcs cluster cib dlm_cfg
pcs -f dlm_cfg resource create dlm ocf:pacemaker:controld op monitor interval=60s clone clone-max=2 clone-node-max=1
pcs cluster cib-push dlm_cfg --config
pcs cluster cib clvmd_cfg
pcs -f clvmd_cfg resource create clvmd ocf:heartbeat:clvm op monitor interval=60s clone clone-max=2 clone-node-max=1
pcs cluster cib-push clvmd_cfg --config
pcs cluster cib fs_cfg
pcs -f fs_cfg resource create sharedFS ocf:heartbeat:Filesystem device=/dev/vg_shared/lv_shared directory=/home/datos fstype=gfs2 clone clone-max=2 clone-node-max=1
pcs cluster cib-push fs_cfg scope=resources
pcs cluster cib restricciones_cfg
pcs -f restricciones_cfg constraint order start dlm-clone then promote drbd_datos-clone
pcs -f restricciones_cfg constraint order promote drbd_datos-clone then start clvmd-clone kind=Serialize
pcs -f restricciones_cfg constraint order start clvmd-clone then start sharedFS-clone kind=Serialize
pcs -f restricciones_cfg constraint colocation add Promoted drbd_datos-clone with dlm-clone
pcs -f restricciones_cfg constraint colocation add clvmd-clone with Promoted drbd_datos-clone
pcs -f restricciones_cfg constraint colocation add sharedFS-clone with clvmd-clone
pcs cluster cib-push restricciones_cfg
pcs constraint config
pcs cluster cib libvirt_cfg
pcs -f libvirt_cfg resource create res_libvirtd systemd:libvirtd op start interval=0s timeout=15s stop interval=0s timeout=15s monitor interval=15s timeout=15s clone clone-max=2 notify=true --force
pcs cluster cib-push libvirt_cfg
pcs cluster cib restricciones_lbvd_cfg
pcs -f restricciones_lbvd_cfg constraint order start sharedFS-clone then start res_libvirtd-clone kind=Serialize
pcs -f restricciones_lbvd_cfg constraint colocation add res_libvirtd-clone with sharedFS-clone
pcs cluster cib-push restricciones_lbvd_cfg
pcs cluster cib vm1_cfg
pcs -f vm1_cfg resource create ubuntu ocf:heartbeat:VirtualDomain hypervisor=qemu:///system config=/home/datos/xmls/ubuntu.xml migration_transport=ssh meta allow-migrate=true
pcs cluster cib-push vm1_cfg
pcs cluster cib restricciones_mv1_cfg
pcs -f restricciones_mv1_cfg constraint order start res_libvirtd-clone then start ubuntu symmetrical=false
pcs cluster cib-push restricciones_mv1_cfg
`;

/** Words of a command line as a POSIX shell splits them (double and single quotes, no expansion). */
export function shellWords(line: string): string[] {
  const words: string[] = [];
  let cur = '';
  let inWord = false;
  let quote: '"' | "'" | undefined;
  for (const ch of line) {
    if (quote) {
      if (ch === quote) quote = undefined;
      else cur += ch;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
      inWord = true;
    } else if (/\s/.test(ch)) {
      if (inWord) words.push(cur);
      cur = '';
      inWord = false;
    } else {
      cur += ch;
      inWord = true;
    }
  }
  if (quote) throw new Error(`unclosed quote in: ${line}`);
  if (inWord) words.push(cur);
  return words;
}

/** A guide line as the argv our pcs gets: commands on the running cluster get -f LIVE. */
export function toArgv(line: string): string[] {
  const words = shellWords(line);
  if (words[0] !== 'pcs') throw new Error(`not a pcs command: ${line}`);
  const rest = words.slice(1);
  return rest[0] === '-f' ? rest : ['-f', LIVE, ...rest];
}

export const commands = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'))
    .map((line) => ({ line, argv: toArgv(line) }));

export const WORKFLOWS = {
  'pcs 0.9 (as the guide writes it)': [...commands(PREAMBLE_09), ...commands(CHAPTER_09)],
  'pcs 0.11': [...commands(PREAMBLE_011), ...commands(CHAPTER_011)],
} as const;

export interface GuideStep {
  line: string;
  exit: number;
  stdout: string;
  stderr: string;
}

/** Runs a workflow with our pcs in a new folder holding the running cluster's CIB as LIVE. */
export async function runWorkflow(name: keyof typeof WORKFLOWS): Promise<{ dir: string; steps: GuideStep[] }> {
  const dir = mkdtempSync(join(tmpdir(), 'guide11.'));
  writeFileSync(join(dir, LIVE), RUNNING_CLUSTER_CIB);
  const env = { ...process.env, LC_ALL: 'C.UTF-8', EDITOR: undefined };
  const steps: GuideStep[] = [];
  for (const c of WORKFLOWS[name]) {
    let stdout = '';
    let stderr = '';
    const exit = await runPcs(c.argv, { cwd: dir, env, io: { out: (t) => void (stdout += t), err: (t) => void (stderr += t) } });
    steps.push({ line: c.line, exit, stdout, stderr });
  }
  return { dir, steps };
}
