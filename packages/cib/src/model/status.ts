// Typed view of <status>: per node, its membership state, transient attributes and the operation
// history of each resource (lrm_resource / lrm_rsc_op).

import { readNvSets, type NvSet } from '../nvsets.js';
import type { XmlElement } from '../xml/tree.js';

export interface LrmOpStatus {
  element: XmlElement;
  id: string;
  operation: string;
  operationKey: string | undefined;
  /** Interval in milliseconds (the CIB stores milliseconds here). */
  interval: number;
  callId: number;
  rcCode: number;
  opStatus: number;
  transitionKey: string | undefined;
  transitionMagic: string | undefined;
  lastRcChange: number | undefined;
  lastRun: number | undefined;
  execTime: number | undefined;
  queueTime: number | undefined;
  opDigest: string | undefined;
  opRestartDigest: string | undefined;
  opSecureDigest: string | undefined;
  onNode: string | undefined;
  exitReason: string | undefined;
  crmFeatureSet: string | undefined;
}

export interface LrmResourceStatus {
  element: XmlElement;
  id: string;
  class: string | undefined;
  provider: string | undefined;
  type: string | undefined;
  container: string | undefined;
  ops: LrmOpStatus[];
}

export interface NodeStateStatus {
  element: XmlElement;
  id: string;
  uname: string | undefined;
  /** Raw membership fields: booleans, "online"/"offline", or epoch timestamps. */
  inCcm: string | undefined;
  crmd: string | undefined;
  join: string | undefined;
  expected: string | undefined;
  remoteNode: boolean;
  transientAttributes: NvSet[];
  lrmResources: LrmResourceStatus[];
}

function int(el: XmlElement, name: string): number | undefined {
  const v = el.get(name);
  if (v === undefined) return undefined;
  const n = Number.parseInt(v, 10);
  return Number.isFinite(n) ? n : undefined;
}

export function readLrmOp(el: XmlElement): LrmOpStatus {
  return {
    element: el,
    id: el.get('id') ?? '',
    operation: el.get('operation') ?? '',
    operationKey: el.get('operation_key'),
    interval: int(el, 'interval') ?? 0,
    callId: int(el, 'call-id') ?? 0,
    rcCode: int(el, 'rc-code') ?? 0,
    opStatus: int(el, 'op-status') ?? 0,
    transitionKey: el.get('transition-key'),
    transitionMagic: el.get('transition-magic'),
    lastRcChange: int(el, 'last-rc-change'),
    lastRun: int(el, 'last-run'),
    execTime: int(el, 'exec-time'),
    queueTime: int(el, 'queue-time'),
    opDigest: el.get('op-digest'),
    opRestartDigest: el.get('op-restart-digest'),
    opSecureDigest: el.get('op-secure-digest'),
    onNode: el.get('on_node'),
    exitReason: el.get('exit-reason'),
    crmFeatureSet: el.get('crm_feature_set'),
  };
}

export function readLrmResource(el: XmlElement): LrmResourceStatus {
  return {
    element: el,
    id: el.get('id') ?? '',
    class: el.get('class'),
    provider: el.get('provider'),
    type: el.get('type'),
    container: el.get('container'),
    ops: el.elements('lrm_rsc_op').map(readLrmOp),
  };
}

export function readNodeState(el: XmlElement): NodeStateStatus {
  const transient = el.first('transient_attributes');
  const lrmResources = el.first('lrm')?.first('lrm_resources');
  const remote = el.get('remote_node');
  return {
    element: el,
    id: el.get('id') ?? '',
    uname: el.get('uname'),
    inCcm: el.get('in_ccm'),
    crmd: el.get('crmd'),
    join: el.get('join'),
    expected: el.get('expected'),
    remoteNode: remote === 'true' || remote === '1',
    transientAttributes: transient ? readNvSets(transient, 'instance_attributes') : [],
    lrmResources: lrmResources ? lrmResources.elements('lrm_resource').map(readLrmResource) : [],
  };
}

export function readStatus(section: XmlElement | undefined): NodeStateStatus[] {
  return section ? section.elements('node_state').map(readNodeState) : [];
}
