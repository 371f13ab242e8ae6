// The pcs commands the guide shows outside chapter 11 (chapter 11 has its own test): cluster
// setup (5), quorum and fencing (6), editing the configuration (10, 11), the operations of
// chapter 12 and the eight-node variant of chapter 13; in the guide's pcs 0.9 syntax and in pcs
// 0.11 syntax. As in chapter 11, commands on the running cluster work on the file LIVE.
//
// Where the guide leaves a placeholder ("recurso", "agente", "[fichero]") a concrete name is
// used; lines that differ from the printed guide for another reason say why beside them. `${DIR}`
// is the directory the workflow runs in.

import { commands, shellWords, toArgv } from './guide-chapter11.js';

const CHAPTERS_5_6_09 = `
# The guide runs setup through pcsd on the nodes; offline it writes corosync.conf. Its node
# names do not resolve here, so (as with pcs) --force is needed.
pcs cluster setup --name kuster-test node01 node02 --corosync_conf corosync.conf --force
# Offline, pcs status names the cluster from a corosync.conf (pcs asks for it with -f too).
pcs --corosync_conf corosync.conf status
pcs property
pcs property set no-quorum-policy=ignore
pcs stonith list
pcs stonith describe fence_ipmilan
pcs stonith show
pcs cluster cib stonith_cfg
pcs -f stonith_cfg stonith create impi-fencing fence_ipmilan pcmk_host_list="pcmk-1 pcmk-2" ipaddr=10.0.0.1 login=testuser passwd=acd123 op monitor interval=60s
pcs -f stonith_cfg stonith
pcs -f stonith_cfg property set stonith-enabled=true
pcs -f stonith_cfg property
pcs cluster cib-push stonith_cfg
pcs cluster cib stonith_cfg
# passwd_method and userid are not options of the installed fence_ipmilan: only --force takes them.
pcs -f stonith_cfg stonith create fence_n01_ipmi fence_ipmilan pcmk_host_list="node01" ipaddr="node01.ipmi" action="reboot" passwd_method=file passwd="/etc/stonith_ipmi_passwd" userid=admin op monitor interval=60s --force
pcs -f stonith_cfg stonith create fence_n02_ipmi fence_ipmilan pcmk_host_list="node02" ipaddr="node02.ipmi" action="reboot" passwd_method=file passwd="/etc/stonith_ipmi_passwd" userid=admin op monitor interval=60s --force
pcs -f stonith_cfg stonith
pcs -f stonith_cfg property set stonith-enabled=true
pcs -f stonith_cfg property
pcs cluster cib-push stonith_cfg
pcs constraint location fence_n01_ipmi prefers node02=INFINITY
pcs constraint location fence_n01_ipmi prefers node01=-INFINITY
pcs constraint location fence_n02_ipmi prefers node01=INFINITY
pcs constraint location fence_n02_ipmi prefers node02=-INFINITY
pcs property set stonith-enabled=false
pcs cluster cib stonith_cfg
# fence_manual is the guide's own agent (its chapter 6.4), not installed here: created with --force.
pcs -f stonith_cfg stonith create fence_nodo01 fence_manual ipaddr="node01" action="off" passwd="passwd" login="admin" pcmk_host_list="node01" op monitor interval=300s --force
pcs -f stonith_cfg stonith
pcs -f stonith_cfg property set stonith-enabled=true
pcs -f stonith_cfg property
pcs cluster cib-push stonith_cfg
`;

const CHAPTERS_5_6_011 = `
pcs cluster setup kuster-test node01 node02 --corosync_conf corosync.conf --force
pcs --corosync_conf corosync.conf status
pcs property config
pcs property set no-quorum-policy=ignore
pcs stonith list
pcs stonith describe fence_ipmilan
pcs stonith config
pcs cluster cib stonith_cfg
pcs -f stonith_cfg stonith create impi-fencing fence_ipmilan pcmk_host_list="pcmk-1 pcmk-2" ip=10.0.0.1 username=testuser password=acd123 op monitor interval=60s
pcs -f stonith_cfg stonith status
pcs -f stonith_cfg property set stonith-enabled=true
pcs -f stonith_cfg property config
pcs cluster cib-push stonith_cfg --config
pcs cluster cib stonith_cfg
# The password in a file: fence_ipmilan reads it through password_script.
pcs -f stonith_cfg stonith create fence_n01_ipmi fence_ipmilan pcmk_host_list="node01" ip="node01.ipmi" pcmk_reboot_action="reboot" password_script="cat /etc/stonith_ipmi_passwd" username=admin op monitor interval=60s
pcs -f stonith_cfg stonith create fence_n02_ipmi fence_ipmilan pcmk_host_list="node02" ip="node02.ipmi" pcmk_reboot_action="reboot" password_script="cat /etc/stonith_ipmi_passwd" username=admin op monitor interval=60s
pcs -f stonith_cfg stonith status
pcs -f stonith_cfg property set stonith-enabled=true
pcs -f stonith_cfg property config
pcs cluster cib-push stonith_cfg --config
pcs constraint location fence_n01_ipmi prefers node02=INFINITY
pcs constraint location fence_n01_ipmi avoids node01
pcs constraint location fence_n02_ipmi prefers node01=INFINITY
pcs constraint location fence_n02_ipmi avoids node02
pcs property set stonith-enabled=false
pcs cluster cib stonith_cfg
pcs -f stonith_cfg stonith create fence_nodo01 fence_manual ip="node01" pcmk_off_action="off" password="passwd" username="admin" pcmk_host_list="node01" op monitor interval=300s --force
pcs -f stonith_cfg stonith status
pcs -f stonith_cfg property set stonith-enabled=true
pcs -f stonith_cfg property config
pcs cluster cib-push stonith_cfg --config
`;

const CHAPTERS_10_12_09 = `
# $EDITOR is a script here that sets no-quorum-policy=stop.
pcs cluster edit
pcs cluster cib archivo_cfg
pcs cluster cib-push archivo_cfg
# website and ipsite are only named in the guide; created here to be constrained.
pcs resource create ipsite ocf:heartbeat:IPaddr2 ip=192.168.1.100 cidr_netmask=24 nic=eth0
pcs resource create website ocf:heartbeat:apache
pcs constraint colocation add website ipsite INFINITY
pcs constraint show
pcs resource create recurso ocf:pacemaker:Dummy state=\${DIR}/recurso.state
pcs resource disable recurso
pcs resource enable recurso
pcs resource debug-start --full recurso
pcs resource move recurso node02
pcs resource clear recurso
pcs cluster cib
pcs --corosync_conf corosync.conf status
pcs cluster standby node01
pcs cluster unstandby node01
pcs resource update ipsite clusterip_hash=sourceip
pcs resource update ipsite nic=
pcs cluster cib respaldo.xml scope=resources
pcs cluster cib-push respaldo.xml scope=resources
pcs --corosync_conf corosync.conf config backup respaldo
pcs --corosync_conf corosync.conf config restore --local respaldo.tar.bz2
pcs resource create dlm ocf:pacemaker:controld op monitor interval=60s
pcs resource clone dlm clone-max=2 clone-node-max=1
pcs resource update dlm params args='‐s 0 -q 1'
pcs cluster standby node02
pcs cluster unstandby node02
pcs resource delete recurso
`;

const CHAPTERS_10_12_011 = `
pcs cluster edit
pcs cluster cib archivo_cfg
pcs cluster cib-push archivo_cfg
pcs resource create ipsite ocf:heartbeat:IPaddr2 ip=192.168.1.100 cidr_netmask=24 nic=eth0
pcs resource create website ocf:heartbeat:apache
pcs constraint colocation add website with ipsite INFINITY
pcs constraint config
pcs resource create recurso ocf:pacemaker:Dummy state=\${DIR}/recurso.state
pcs resource disable recurso
pcs resource enable recurso
pcs resource debug-start recurso --full
pcs resource move-with-constraint recurso node02
pcs resource clear recurso
pcs cluster cib
pcs --corosync_conf corosync.conf status
pcs node standby node01
pcs node unstandby node01
pcs resource update ipsite clusterip_hash=sourceip
pcs resource update ipsite nic=
pcs cluster cib respaldo.xml scope=resources
pcs cluster cib-push respaldo.xml scope=resources
pcs --corosync_conf corosync.conf config backup respaldo
pcs --corosync_conf corosync.conf config restore --local respaldo.tar.bz2
pcs resource create dlm ocf:pacemaker:controld op monitor interval=60s clone clone-max=2 clone-node-max=1
pcs resource update dlm args='‐s 0 -q 1'
pcs node standby node02
pcs node unstandby node02
pcs resource delete recurso
`;

/** Chapter 13: eight nodes without DRBD, the shared disk by label. */
const CHAPTER_13_09 = `
pcs property set stonith-enabled=false
pcs cluster cib dlm_cfg
pcs -f dlm_cfg resource create dlm ocf:pacemaker:controld op monitor interval=60s
pcs -f dlm_cfg resource clone dlm clone-max=8 clone-node-max=1
pcs cluster cib-push dlm_cfg
pcs cluster cib fs_cfg
pcs -f fs_cfg resource create sharedFS Filesystem device="/dev/disk/by-label/kuster-test:datos" directory="/home/datos" fstype="gfs2"
pcs -f fs_cfg resource clone sharedFS clone-max=8 clone-node-max=1
pcs cluster cib-push fs_cfg
pcs cluster cib libvirt_cfg
# There is no systemd here to describe libvirtd.service: like pcs, we create the resource only with --force.
pcs -f libvirt_cfg resource create res_libvirtd systemd:libvirtd op start interval=0s timeout=15s stop interval=0s timeout=15s monitor interval=15s timeout=15s --force
pcs -f libvirt_cfg resource clone res_libvirtd clone-max=8 notify=true
pcs cluster cib-push libvirt_cfg
pcs cluster cib restricciones_cfg
pcs -f restricciones_cfg constraint order start dlm-clone then start sharedFS-clone kind=Serialize
pcs -f restricciones_cfg constraint order start sharedFS-clone then start res_libvirtd-clone kind=Serialize
pcs -f restricciones_cfg constraint colocation add sharedFS-clone with dlm-clone
pcs -f restricciones_cfg constraint colocation add res_libvirtd-clone with sharedFS-clone
pcs cluster cib-push restricciones_cfg
pcs cluster cib vm1_cfg
pcs -f vm1_cfg resource create ubuntu ocf:heartbeat:VirtualDomain hypervisor="qemu:///system" config="/home/datos/xmls/ubuntu.xml" migration_transport=ssh meta allow-migrate=true
pcs cluster cib-push vm1_cfg
pcs cluster cib restricciones_mv1_cfg
pcs -f restricciones_mv1_cfg constraint order start res_libvirtd-clone then start ubuntu symmetrical=false
pcs cluster cib-push restricciones_mv1_cfg
`;

const CHAPTER_13_011 = `
pcs property set stonith-enabled=false
pcs cluster cib dlm_cfg
pcs -f dlm_cfg resource create dlm ocf:pacemaker:controld op monitor interval=60s clone clone-max=8 clone-node-max=1
pcs cluster cib-push dlm_cfg --config
pcs cluster cib fs_cfg
pcs -f fs_cfg resource create sharedFS ocf:heartbeat:Filesystem device=/dev/disk/by-label/kuster-test:datos directory=/home/datos fstype=gfs2 clone clone-max=8 clone-node-max=1
pcs cluster cib-push fs_cfg --config
pcs cluster cib libvirt_cfg
pcs -f libvirt_cfg resource create res_libvirtd systemd:libvirtd op start interval=0s timeout=15s stop interval=0s timeout=15s monitor interval=15s timeout=15s clone clone-max=8 notify=true --force
pcs cluster cib-push libvirt_cfg --config
pcs cluster cib restricciones_cfg
pcs -f restricciones_cfg constraint order start dlm-clone then start sharedFS-clone kind=Serialize
pcs -f restricciones_cfg constraint order start sharedFS-clone then start res_libvirtd-clone kind=Serialize
pcs -f restricciones_cfg constraint colocation add sharedFS-clone with dlm-clone
pcs -f restricciones_cfg constraint colocation add res_libvirtd-clone with sharedFS-clone
pcs cluster cib-push restricciones_cfg --config
pcs cluster cib vm1_cfg
pcs -f vm1_cfg resource create ubuntu ocf:heartbeat:VirtualDomain hypervisor=qemu:///system config=/home/datos/xmls/ubuntu.xml migration_transport=ssh meta allow-migrate=true
pcs cluster cib-push vm1_cfg --config
pcs cluster cib restricciones_mv1_cfg
pcs -f restricciones_mv1_cfg constraint order start res_libvirtd-clone then start ubuntu symmetrical=false
pcs cluster cib-push restricciones_mv1_cfg --config
`;

/** `cluster setup … --corosync_conf` writes a file and does not touch the CIB: it gets no -f. */
function guideArgv(line: string): string[] {
  const words = shellWords(line);
  if (words[1] === 'cluster' && words[2] === 'setup') return words.slice(1);
  return toArgv(line);
}

const steps = (text: string) => commands(text).map(({ line }) => ({ line, argv: guideArgv(line) }));

export const OTHER_WORKFLOWS = {
  'chapters 5, 6, 10 and 12 in pcs 0.9 (as the guide writes them)': [...steps(CHAPTERS_5_6_09), ...steps(CHAPTERS_10_12_09)],
  'chapters 5, 6, 10 and 12 in pcs 0.11': [...steps(CHAPTERS_5_6_011), ...steps(CHAPTERS_10_12_011)],
  'chapter 13 in pcs 0.9': steps(CHAPTER_13_09),
  'chapter 13 in pcs 0.11': steps(CHAPTER_13_011),
} as const;

/**
 * The guide's commands that act on running nodes (pcsd, corosync, the daemons): with -f they
 * must refuse, say why, and leave the file as it was.
 */
export const LIVE_ONLY = steps(`
pcs cluster auth node01 node02 -u hacluster
pcs cluster start --all
pcs cluster start
pcs cluster stop
pcs cluster destroy --all
pcs cluster sync
pcs cluster reload corosync
pcs cluster report /tmp/fichero
pcs stonith confirm node01
pcs cluster node remove node02
`);
