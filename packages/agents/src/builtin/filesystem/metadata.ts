// Meta-data of ocf:hacluster:Filesystem: the parameters of ocf:heartbeat:Filesystem that matter
// for the guide's stack (GFS2 on clustered LVM, ext4 on DRBD), with the same names and defaults.

import type { MetadataSpec } from '../framework/metadata-spec.js';

export const filesystemMetadata: MetadataSpec = {
  type: 'Filesystem',
  version: '1.0',
  shortdesc: 'Manages filesystem mounts',
  longdesc:
    'Mounts a filesystem (a block device, an NFS or CIFS share, or a bind mount) on a directory, and unmounts it, ' +
    'killing the processes that keep the mount busy if need be. Monitor depth 10 reads the device, depth 20 writes ' +
    'and reads a status file on the mount. Cluster filesystems (gfs2, ocfs2, nfs...) may be cloned; local ones only ' +
    'with force_clones or read-only. The TypeScript agent of hacluster; set HACLUSTER_SANDBOX to use its sandbox backend.',
  parameters: [
    { name: 'device', type: 'string', required: true, shortdesc: 'block device', longdesc: 'The name of block device for the filesystem, or -U, -L options for mount, or NFS mount specification.' },
    { name: 'directory', type: 'string', required: true, shortdesc: 'mount point', longdesc: 'The mount point for the filesystem.' },
    { name: 'fstype', type: 'string', required: true, shortdesc: 'filesystem type', longdesc: 'The type of filesystem to be mounted (none for a bind mount).' },
    { name: 'options', type: 'string', default: '', shortdesc: 'mount options', longdesc: 'Any extra options to be given as -o options to mount. For bind mounts, add "bind" here and set fstype to "none".' },
    { name: 'statusfile_prefix', type: 'string', default: '.Filesystem_status/', shortdesc: 'the prefix to be used for a status file for monitoring', longdesc: 'The prefix to be used for a status file for resource monitoring with depth 20.' },
    { name: 'run_fsck', type: 'string', default: 'auto', shortdesc: 'run_fsck', longdesc: 'auto: fsck is run on filesystems that need it (not on journalled or network ones); force: always; no: never.' },
    { name: 'fast_stop', type: 'boolean', default: 'no', shortdesc: 'fast stop', longdesc: 'Normally, a stop waits for up to half of the stop timeout for processes to exit after TERM before it sends KILL. With fast_stop it waits 6 seconds at most.' },
    { name: 'force_clones', type: 'boolean', default: 'false', shortdesc: 'allow running as a clone, regardless of filesystem type', longdesc: 'Allow a local (not cluster-aware) filesystem to be cloned. This is almost always a way to corrupt it.' },
    { name: 'force_unmount', type: 'string', default: 'true', shortdesc: 'Kill processes before unmount', longdesc: 'true: kill the processes using the mount (fuser on this mount only); safe: find them by walking /proc; false: never kill, a busy mount fails the stop.' },
  ],
  actions: [
    { name: 'start', timeout: '60s' },
    { name: 'stop', timeout: '60s' },
    { name: 'notify', timeout: '60s' },
    { name: 'monitor', timeout: '40s', interval: '20s', depth: '0' },
    { name: 'validate-all', timeout: '5s' },
    { name: 'meta-data', timeout: '5s' },
  ],
};

/** Filesystems several nodes may mount at once (the shell agent's list). */
export const CLUSTER_SAFE_FSTYPES: ReadonlySet<string> = new Set(['nfs', 'nfs4', 'cifs', 'smbfs', 'none', 'gfs2', 'glusterfs', 'ceph', 'ocfs2', 'overlay', 'overlayfs', 'tmpfs', 'cvfs']);

/** Filesystems that need no fsck before mounting: journalled, network or virtual ones. */
export const NO_FSCK_FSTYPES: ReadonlySet<string> = new Set(['ext3', 'ext4', 'reiserfs', 'reiser4', 'nss', 'xfs', 'jfs', 'vfat', 'fat', 'nfs', 'nfs4', 'cifs', 'smbfs', 'ocfs2', 'gfs2', 'none', 'lustre', 'glusterfs', 'ceph', 'tmpfs', 'overlay', 'overlayfs', 'btrfs', 'zfs', 'cvfs']);
