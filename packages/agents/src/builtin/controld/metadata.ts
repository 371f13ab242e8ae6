// Meta-data of ocf:hacluster:controld, Pacemaker's ocf:pacemaker:controld (the DLM control
// daemon, needed by GFS2 and clustered LVM), with the same parameters.

import type { MetadataSpec } from '../framework/metadata-spec.js';

export const controldMetadata: MetadataSpec = {
  type: 'controld',
  version: '1.0',
  shortdesc: 'DLM Agent for cluster file systems',
  longdesc:
    'Starts and stops dlm_controld, the user-space part of the Distributed Lock Manager, and monitors it; its ' +
    'monitor fails while the DLM waits for a stateful merge. Refuses to start when fencing is disabled (the DLM ' +
    'would block forever on a node failure). Run it as an anonymous clone. The TypeScript agent of hacluster; set ' +
    'HACLUSTER_SANDBOX to use its sandbox backend.',
  parameters: [
    { name: 'args', type: 'string', default: '-s 0', shortdesc: 'DLM start options', longdesc: 'Any additional options to start the dlm_controld service with.' },
    { name: 'daemon', type: 'string', default: 'dlm_controld', shortdesc: 'The daemon to start', longdesc: 'The daemon to start: dlm_controld (or the legacy gfs_controld).' },
    { name: 'allow_stonith_disabled', type: 'boolean', default: 'false', shortdesc: 'Allow start-up even without STONITH', longdesc: 'Start even when stonith-enabled is false. The DLM cannot recover from a node failure without fencing.' },
  ],
  actions: [
    { name: 'start', timeout: '90s' },
    { name: 'stop', timeout: '100s' },
    { name: 'monitor', timeout: '20s', interval: '10s', depth: '0' },
    { name: 'meta-data', timeout: '5s' },
    { name: 'validate-all', timeout: '30s' },
  ],
};
