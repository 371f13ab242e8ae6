// Meta-data of ocf:hacluster:VirtualDomain: the parameters of ocf:heartbeat:VirtualDomain that
// the guide's KVM pair uses (config, hypervisor, migration), with the same names and defaults.

import type { MetadataSpec } from '../framework/metadata-spec.js';

export const virtualDomainMetadata: MetadataSpec = {
  type: 'VirtualDomain',
  version: '1.0',
  shortdesc: 'Manages virtual domains through the libvirt virtualization framework',
  longdesc:
    'Starts, stops, monitors and live-migrates a libvirt domain defined by an XML file. A stop asks the guest to ' +
    'shut down (shutdown_mode is passed to virsh shutdown) and destroys it when it has not gone before the stop ' +
    'timeout. migrate_to runs virsh migrate --live to the target node. The TypeScript agent of hacluster; set ' +
    'HACLUSTER_SANDBOX to use its sandbox backend.',
  parameters: [
    { name: 'config', type: 'string', required: true, unique: true, shortdesc: 'Virtual domain configuration file', longdesc: 'Absolute path to the libvirt configuration file for this virtual domain.' },
    { name: 'hypervisor', type: 'string', shortdesc: 'Hypervisor URI', longdesc: 'Hypervisor URI to connect to. The default is what "virsh --quiet uri" prints.' },
    { name: 'force_stop', type: 'boolean', default: '0', shortdesc: 'Always force shutdown on stop', longdesc: 'Always destroy the domain on stop instead of asking the guest to shut down first.' },
    { name: 'shutdown_mode', type: 'string', default: '', shortdesc: 'Instruct virsh to use specific shutdown mode', longdesc: 'The --mode of virsh shutdown: acpi, agent, initctl, signal or paravirt (comma-separated to try several).' },
    { name: 'migration_transport', type: 'string', shortdesc: 'Remote hypervisor transport', longdesc: 'Transport used to connect to the remote hypervisor while migrating (ssh, tcp, tls...). Without it the hypervisor URI is used as is with the target host name.' },
    { name: 'migration_user', type: 'string', shortdesc: 'Remote username for the remote hypervisor', longdesc: 'The username used to connect to the remote hypervisor while migrating.' },
    { name: 'migration_downtime', type: 'integer', default: '0', shortdesc: 'Live migration downtime', longdesc: 'The maximum tolerable downtime of the live migration in milliseconds (0: libvirt decides).' },
    { name: 'migration_speed', type: 'integer', default: '0', shortdesc: 'Live migration speed', longdesc: 'The maximum bandwidth of the live migration in MiB/s (0: unlimited).' },
    { name: 'migration_network_suffix', type: 'string', shortdesc: 'Migration network host name suffix', longdesc: 'Appended to the target node name to make the migration go over a dedicated network (node2 + -mig = node2-mig).' },
    { name: 'migrateuri', type: 'string', shortdesc: 'Custom migrateuri for migration state transfer', longdesc: 'The migration URI of the hypervisor (%n is replaced by the target node name).' },
    { name: 'migrate_options', type: 'string', shortdesc: 'Extra virsh options for the guest live migration', longdesc: 'Extra options for virsh migrate (%n is replaced by the target node name).' },
    { name: 'remoteuri', type: 'string', shortdesc: 'Custom remoteuri to communicate with a remote hypervisor', longdesc: 'The URI of the target hypervisor (%n is replaced by the target node name).' },
  ],
  actions: [
    { name: 'start', timeout: '90s' },
    { name: 'stop', timeout: '90s' },
    { name: 'status', timeout: '30s', interval: '10s' },
    { name: 'monitor', timeout: '30s', interval: '10s' },
    { name: 'migrate_from', timeout: '60s' },
    { name: 'migrate_to', timeout: '120s' },
    { name: 'meta-data', timeout: '5s' },
    { name: 'validate-all', timeout: '5s' },
  ],
};
