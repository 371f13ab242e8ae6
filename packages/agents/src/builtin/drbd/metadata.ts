// Meta-data of ocf:hacluster:drbd: the parameters of LINBIT's ocf:linbit:drbd that decide what it
// does (resource, configuration file, promotion scores, outdating), with the same names.

import type { MetadataSpec } from '../framework/metadata-spec.js';

export const drbdMetadata: MetadataSpec = {
  type: 'drbd',
  version: '1.0',
  shortdesc: 'Manages a DRBD device as a promotable clone',
  longdesc:
    'Brings a DRBD resource up (drbdadm adjust) and down, promotes it to Primary and demotes it, and publishes a ' +
    'promotion score (master-<resource> node attribute, with crm_attribute --promotion) computed from the local and ' +
    'peer disk states, so the cluster promotes the node with good data. Run it as a promotable clone with ' +
    'notify=true. The TypeScript agent of hacluster; set HACLUSTER_SANDBOX to use its sandbox backend.',
  parameters: [
    { name: 'drbd_resource', type: 'string', required: true, unique: true, shortdesc: 'drbd resource name', longdesc: 'The name of the drbd resource from the drbd.conf file.' },
    { name: 'drbdconf', type: 'string', default: '/etc/drbd.conf', shortdesc: 'Path to drbd.conf', longdesc: 'Full path to the drbd.conf file.' },
    { name: 'adjust_master_score', type: 'string', default: '0 10 1000 10000', shortdesc: 'master score adjustments', longdesc: 'Four promotion scores, for: only access to Consistent data; only remote access to UpToDate data; Secondary with local UpToDate data while the peer is unknown; local UpToDate data and Primary or a known peer.' },
    { name: 'stop_outdates_secondary', type: 'boolean', default: 'false', shortdesc: 'outdate a secondary on stop', longdesc: 'When a Secondary is stopped while its peer is Primary, mark the local data Outdated so it cannot be promoted by mistake later.' },
    { name: 'ignore_missing_notifications', type: 'boolean', default: 'false', shortdesc: 'ignore missing notifications', longdesc: 'Allow the clone to run without notify=true (the agent then cannot reconnect peers on their start).' },
    { name: 'wfc_timeout', type: 'integer', default: '5', shortdesc: 'wait for connection timeout', longdesc: 'Seconds a start waits for the peer to connect before it reports the resource started anyway.' },
    { name: 'remove_master_score_if_peer_primary', type: 'string', default: 'false', shortdesc: 'remove master score if peer is primary', longdesc: 'false, true or unexpected: remove the local promotion score while a peer is Primary (unexpected: only when that Primary is not known to the cluster).' },
  ],
  actions: [
    { name: 'start', timeout: '240s' },
    { name: 'promote', timeout: '90s' },
    { name: 'demote', timeout: '90s' },
    { name: 'notify', timeout: '90s' },
    { name: 'stop', timeout: '100s' },
    { name: 'monitor', timeout: '20s', interval: '20s', role: 'Slave' },
    { name: 'monitor', timeout: '20s', interval: '10s', role: 'Master' },
    { name: 'reload', timeout: '30s' },
    { name: 'meta-data', timeout: '5s' },
    { name: 'validate-all', timeout: '30s' },
  ],
};
