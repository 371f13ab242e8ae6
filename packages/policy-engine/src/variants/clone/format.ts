// A clone in the cluster status (Pacemaker's pe__clone_default, lib/pengine/clone.c): unique
// clones list every instance; anonymous ones collapse healthy instances into
// "Promoted: [ … ]" / "Started: [ … ]" (or "Unpromoted: [ … ]") and list where no instance runs
// as "Stopped: [ … ]", printing only unusual instances (failed, unmanaged, orphaned, pending, on
// an unclean node) in full.

import { Role, parseRoleN, type RoleN } from '../../model/role.js';
import type { Node, Resource } from '../../model/types.js';
import { exitText, failedProbeFor, formatResource, type StatusOptions } from '../../output/cluster-status.js';
import type { TextOutput } from '../../output/text.js';
import { isDisabled } from '../../unpack/resources.js';
import { numericStrcasecmp } from '../../util/strings.js';
import { LocationKind } from '../methods.js';

/** The target-role that applies to the clone: its own, else its instances'. */
function configuredRole(rsc: Resource): RoleN {
  const value = rsc.meta.get('target-role') ?? rsc.children[0]?.meta.get('target-role');
  return value === undefined ? Role.unknown : parseRoleN(value);
}

function anyOrphan(rsc: Resource): boolean {
  return rsc.orphan || rsc.children.some(anyOrphan);
}

function anyFailed(rsc: Resource): boolean {
  return rsc.failed || rsc.children.some(anyFailed);
}

function allManaged(rsc: Resource): boolean {
  return rsc.managed && rsc.children.every(allManaged);
}

const byName = (a: Node, b: Node) => numericStrcasecmp(a.uname, b.uname);

/** Writes "Clone Set: …" once, when the first line under it comes. */
class CloneHeader {
  private open = false;
  constructor(
    private readonly rsc: Resource,
    private readonly out: TextOutput,
  ) {}

  ensure(): void {
    if (this.open) return;
    this.open = true;
    const rsc = this.rsc;
    const attrs: string[] = [];
    if (rsc.promotable) attrs.push('promotable');
    if (rsc.unique) attrs.push('unique');
    if (isDisabled(rsc)) attrs.push('disabled');
    if (rsc.maintenance) attrs.push('maintenance');
    else if (!rsc.managed) attrs.push('unmanaged');
    const child = rsc.clone!.childXml.get('id') ?? '';
    this.out.beginList(`Clone Set: ${rsc.id} [${child}]${attrs.length ? ` (${attrs.join(', ')})` : ''}`);
  }

  close(): void {
    if (this.open) this.out.endList();
  }
}

export function formatClone(rsc: Resource, out: TextOutput, options: StatusOptions): void {
  const header = new CloneHeader(rsc, out);
  const promoted: Node[] = [];
  const started: Node[] = [];
  let stopped: Map<string, string> | undefined;
  for (const child of rsc.children) {
    let printFull = false;
    const partiallyActive = child.methods.active(child, false);
    if (rsc.unique) {
      // every instance, unless stopped and the clone itself is an orphan (upstream tests the
      // clone's flag here, not the instance's)
      if (partiallyActive || !rsc.orphan) printFull = true;
    } else if (options.showPending && child.pendingTask !== undefined && child.pendingTask !== 'probe') {
      printFull = true;
    } else if (!partiallyActive) {
      if (!child.orphan) (stopped ??= new Map()).set(child.id, 'Stopped');
    } else if (anyOrphan(child) || !allManaged(child) || anyFailed(child)) {
      printFull = true;
    } else if (child.methods.active(child, true)) {
      const location = child.methods.location(child, undefined, LocationKind.current);
      if (location === undefined) {
        // a cloned group whose members are on different nodes
        printFull = true;
      } else if (!location.online && location.unclean) {
        printFull = true;
      } else if (child.methods.state(child, true) > Role.unpromoted) {
        promoted.push(location);
      } else {
        started.push(location);
      }
    } else {
      printFull = true;
    }
    if (printFull) {
      header.ensure();
      formatResource(child, out, options);
    }
  }
  let activeInstances = 0;
  if (promoted.length) {
    header.ensure();
    out.listItem(`Promoted: [ ${promoted.sort(byName).map((n) => n.uname).join(' ')} ]`);
    activeInstances += promoted.length;
  }
  if (started.length) {
    header.ensure();
    const names = started.sort(byName).map((n) => n.uname).join(' ');
    if (!rsc.promotable) out.listItem(`Started: [ ${names} ]`);
    else if (configuredRole(rsc) === Role.unpromoted) out.listItem(`Unpromoted (target-role): [ ${names} ]`);
    else out.listItem(`Unpromoted: [ ${names} ]`);
    activeInstances += started.length;
  }
  if (!rsc.unique && rsc.clone!.cloneMax > activeInstances) {
    // where no instance is active, among the nodes the clone may run on (or was probed on)
    stopped = undefined;
    let candidates = [...rsc.allowedNodes.values()].map((ns) => ns.node);
    if (candidates.length === 0) candidates = [...rsc.knownOn.values()];
    const disabled = configuredRole(rsc) === Role.stopped;
    for (const node of candidates.sort(byName)) {
      if (rsc.runningOn.some((n) => n.uname === node.uname)) continue;
      const probe = failedProbeFor(rsc, node.uname);
      const state = probe !== undefined ? `Stopped (${exitText(probe.rc)})` : disabled ? 'Stopped (disabled)' : 'Stopped';
      (stopped ??= new Map()).set(node.uname, state);
    }
  }
  if (stopped !== undefined) {
    header.ensure();
    const states = [...new Set(stopped.values())].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    for (const state of states) {
      const names = [...stopped.entries()]
        .filter(([, s]) => s === state)
        .map(([name]) => name)
        .sort(numericStrcasecmp);
      if (names.length) out.listItem(`${state}: [ ${names.join(' ')} ]`);
    }
  } else if (activeInstances === 0) {
    header.ensure();
  }
  header.close();
}
