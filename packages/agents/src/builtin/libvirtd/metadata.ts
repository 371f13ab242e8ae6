// Meta-data of ocf:hacluster:libvirtd. The guide runs libvirtd as systemd:libvirtd; this agent
// does the same through systemctl where systemd manages the host, and runs the daemon itself
// where it does not (containers, CI), so the VirtualDomain resources above it work in both.

import type { MetadataSpec } from '../framework/metadata-spec.js';

export const libvirtdMetadata: MetadataSpec = {
  type: 'libvirtd',
  version: '1.0',
  shortdesc: 'Manages the libvirt daemon',
  longdesc:
    'Starts, stops and monitors libvirtd. With systemd it starts libvirtd.service and on stop also stops the ' +
    'libvirtd sockets, which would otherwise start the daemon again behind the cluster\'s back. Without systemd it ' +
    'runs virtlogd and libvirtd --daemon with a pid file. The monitor checks that the daemon answers (virsh version). ' +
    'The TypeScript agent of hacluster; set HACLUSTER_SANDBOX to use its sandbox backend.',
  parameters: [
    { name: 'unit', type: 'string', default: 'libvirtd.service', shortdesc: 'systemd unit', longdesc: 'The systemd unit of the daemon (systemd hosts).' },
    { name: 'uri', type: 'string', default: 'qemu:///system', shortdesc: 'URI to check the daemon with', longdesc: 'The libvirt URI the monitor connects to.' },
    { name: 'config', type: 'string', default: '', shortdesc: 'libvirtd.conf', longdesc: 'Configuration file for libvirtd --config (hosts without systemd).' },
    { name: 'listen', type: 'boolean', default: 'false', shortdesc: 'listen for TCP/TLS', longdesc: 'Start libvirtd with --listen (hosts without systemd), for migrations over tcp or tls.' },
    { name: 'pidfile', type: 'string', default: '/run/libvirtd.pid', shortdesc: 'pid file', longdesc: 'The pid file of libvirtd (hosts without systemd).' },
  ],
  actions: [
    { name: 'start', timeout: '100s' },
    { name: 'stop', timeout: '100s' },
    { name: 'monitor', timeout: '100s', interval: '60s' },
    { name: 'meta-data', timeout: '5s' },
    { name: 'validate-all', timeout: '5s' },
  ],
};
