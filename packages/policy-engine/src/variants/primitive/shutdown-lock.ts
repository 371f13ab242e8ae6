// Shutdown locks (Pacemaker's pcmk__primitive_shutdown_lock): with shutdown-lock, a resource
// stopped because its node shut down cleanly stays banned from other nodes until the node
// returns or the lock expires.

import { MINUS_INFINITY } from '@hacluster/cib';
import type { Node, Resource } from '../../model/types.js';
import { customAction } from '../../actions/action.js';
import { resourceLocation } from '../../constraints/resource-location.js';
import { opKey } from '../../util/opkey.js';
import { eqCase } from '../../util/strings.js';
import { isRemoteConnection } from '../../unpack/resource-helpers.js';

function shutdownTime(node: Node, now: number): number {
  const v = node.attrs.get('shutdown');
  const m = v === undefined ? null : /^\s*([+-]?\d+)/.exec(v);
  const t = m ? Number(m[1]) : 0;
  return t === 0 ? now : t;
}

export function primitiveShutdownLock(rsc: Resource): void {
  const ws = rsc.cluster;
  const cls = rsc.xml.get('class');
  if (cls === undefined || eqCase(cls, 'stonith') || isRemoteConnection(rsc)) return;
  if (rsc.lockNode !== undefined) {
    if (rsc.runningOn.length > 0) {
      customAction(rsc, ws, opKey(rsc.id, 'lrm_delete'), 'lrm_delete', rsc.lockNode, false);
      rsc.lockNode = undefined;
      rsc.lockTime = 0;
    }
  } else if (rsc.runningOn.length === 1) {
    const node = rsc.runningOn[0]!;
    if (node.shutdown && !node.unclean) {
      rsc.lockNode = node;
      rsc.lockTime = shutdownTime(node, ws.now);
    }
  }
  if (rsc.lockNode === undefined) return;
  if (ws.shutdownLockLimit > 0) {
    const expiration = rsc.lockTime + ws.shutdownLockLimit + 1;
    if (expiration > ws.now && (ws.recheckBy === 0 || ws.recheckBy > expiration)) ws.recheckBy = expiration;
  }
  for (const node of ws.nodes) {
    if (node.uname !== rsc.lockNode.uname) resourceLocation(rsc, node, MINUS_INFINITY, 'shutdown-lock');
  }
}
