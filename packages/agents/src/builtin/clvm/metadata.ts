// Meta-data of ocf:hacluster:clvm: ocf:heartbeat:clvm's parameters, plus `daemon` to run
// lvmlockd, clvmd's successor (Debian 12's lvm2 no longer ships clvmd).

import type { MetadataSpec } from '../framework/metadata-spec.js';

export const clvmMetadata: MetadataSpec = {
  type: 'clvm',
  version: '1.0',
  shortdesc: 'clvmd (or lvmlockd): clustered LVM locking',
  longdesc:
    'Starts and stops the clustered LVM lock daemon on top of the DLM and activates the volume groups: clvmd where ' +
    'it is installed, lvmlockd (its successor) otherwise or when daemon=lvmlockd. A stop deactivates the clustered ' +
    'volume groups and stops the daemon, and succeeds when the daemon is not even installed (nothing can be running), ' +
    'so that a node without it is not fenced. The TypeScript agent of hacluster; set HACLUSTER_SANDBOX to use its ' +
    'sandbox backend.',
  parameters: [
    { name: 'daemon', type: 'string', default: 'auto', shortdesc: 'clvmd, lvmlockd or auto', longdesc: 'The lock daemon: clvmd, lvmlockd, or auto (clvmd when installed, else lvmlockd).' },
    { name: 'with_cmirrord', type: 'boolean', default: 'false', shortdesc: 'activate cmirrord', longdesc: 'Start cmirrord too, for clustered mirrored logical volumes (clvmd only).' },
    { name: 'daemon_options', type: 'string', default: '-d0', shortdesc: 'Daemon options', longdesc: 'Options for the lock daemon (clvmd: -d0; lvmlockd: e.g. -A 1).' },
    { name: 'activate_vgs', type: 'boolean', default: 'true', shortdesc: 'Activate volume groups', longdesc: 'Activate the clustered (shared) volume groups after the daemon has started.' },
    { name: 'exclusive', type: 'boolean', default: 'false', shortdesc: 'Exclusive activation', longdesc: 'Activate volume groups exclusively (vgchange -aey) instead of shared.' },
  ],
  actions: [
    { name: 'start', timeout: '90s' },
    { name: 'stop', timeout: '90s' },
    { name: 'monitor', timeout: '90s', interval: '30s', depth: '0' },
    { name: 'meta-data', timeout: '10s' },
    { name: 'validate-all', timeout: '20s' },
  ],
};
