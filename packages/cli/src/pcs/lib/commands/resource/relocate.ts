// `pcs resource relocate dry-run|show|clear`: move resources to the nodes they would prefer if
// stickiness did not hold them where they are. The scheduler is asked (on a copy of the CIB with
// resource-stickiness=0 on the resources concerned) which starts and promotions it would
// schedule; each becomes a temporary location constraint "pcs-relocate-<resource>" that pins the
// resource there, to be removed once the cluster has moved it. `relocate run` writes those
// constraints and waits for the cluster to move: it needs the running cluster, which a CIB file
// is not (cli/resource/relocate.ts refuses it, as pcs does with -f).

import type { Cib } from '@hacluster/cib';
import type { Action, TransitionGraph } from '@hacluster/policy-engine';
import { constraintsOf } from '../../cib/constraint/common.js';
import { legacyUpdateMeta } from '../../cib/nvpair.js';
import { findResourceElement, isAnyClone, isBundle, notFoundReport } from '../../cib/resource/common.js';
import { IdProvider, remove } from '../../cib/tools.js';
import { newRoleNamesSupported } from './create.js';
import type { LibraryEnvironment } from '../../env.js';
import { error, info, LibraryError } from '../../reports/item.js';

export const RELOCATE_CONSTRAINT_PREFIX = 'pcs-relocate-';

/** Where one resource is to go: the constraint that will pin it there. */
export interface RelocateConstraint {
  id: string;
  /** The resource the constraint names: a cloned or bundled resource's clone or bundle. */
  resource: string;
  node: string;
  /** The role the constraint asks for on the node: the promoted one, or any (undefined). */
  role?: 'Promoted' | 'Master' | undefined;
}

const RELOCATABLE = ['master', 'clone', 'group', 'primitive'];

/**
 * A copy of the CIB where the named resources (all when none is named), their groups and
 * primitives have resource-stickiness=0. Returns the ids it changed.
 */
function withoutStickiness(cib: Cib, resources: readonly string[]): { copy: Cib; updated: Set<string> } {
  const copy = cib.clone();
  const ids = new IdProvider(copy);
  const updated = new Set<string>();
  const section = copy.scope('resources');
  const selected = [...(section?.descendants() ?? [])].filter((el) => RELOCATABLE.includes(el.name) && (!resources.length || resources.includes(el.get('id') ?? '')));
  for (const el of selected) {
    const inner = [...el.descendants()].filter((d) => d === el || d.name === 'group' || d.name === 'primitive');
    for (const r of inner) {
      updated.add(r.get('id') ?? '');
      legacyUpdateMeta(r, [['resource-stickiness', '0']], ids);
    }
  }
  return { copy, updated };
}

function checkResources(cib: Cib, resources: readonly string[]): void {
  const missing = resources.filter((id) => !findResourceElement(cib, id, RELOCATABLE));
  if (missing.length) throw new LibraryError(...missing.map((id) => notFoundReport(cib, id, ['clone', 'group', 'primitive'])));
}

/** The resource a constraint about `id` names: a clone or bundle for what they contain. */
function constraintTarget(cib: Cib, id: string): string | undefined {
  const el = findResourceElement(cib, id);
  if (!el) return undefined;
  for (let p = el.parent; p && p.name !== 'resources'; p = p.parent) if (isAnyClone(p) || isBundle(p)) return p.get('id');
  return id;
}

interface Placement {
  /** The primitive's id as the graph gives it (an anonymous clone's instances share it). */
  primitive: string;
  target: string;
  startOn?: string;
  promoteOn?: string;
}

/** Where the transition starts (or migrates) and promotes each primitive, in the graph's order. */
function placements(cib: Cib, graph: TransitionGraph): Placement[] {
  const actions: [number, Action][] = [];
  for (const s of graph.synapses) {
    const task = s.action.task;
    if (s.action.rsc === undefined || !['start', 'promote', 'migrate_from'].includes(task)) continue;
    const form = graph.form(s.action);
    if (form.element === 'rsc_op') actions.push([form.id, s.action]);
  }
  actions.sort((a, b) => a[0] - b[0]);
  const byInstance = new Map<string, Placement>();
  for (const [, action] of actions) {
    const node = action.node?.uname;
    const attrs = new Map(graph.details(action).resource?.[1] ?? []);
    const primitive = attrs.get('id');
    if (node === undefined || primitive === undefined) continue;
    const instance = attrs.get('long-id') ?? primitive;
    let p = byInstance.get(instance);
    if (!p) {
      // a clone's instances are moved as the clone: the constraint names the clone (resources
      // the configuration does not hold, such as a bundle's containers, get none)
      const target = constraintTarget(cib, primitive.split(':')[0]!);
      if (target === undefined) continue;
      p = { primitive, target };
      byInstance.set(instance, p);
    }
    if (action.task === 'promote') p.promoteOn = node;
    else p.startOn = node;
  }
  return [...byInstance.values()];
}

/**
 * The constraints a relocation would create, computed with the scheduler on a copy of the CIB
 * where stickiness does not count. `resources` limits it to those resources (all when empty).
 */
export async function relocateConstraints(env: LibraryEnvironment, resources: readonly string[]): Promise<RelocateConstraint[]> {
  const cib = env.getCib('resource relocate');
  checkResources(cib, resources);
  const { copy, updated } = withoutStickiness(cib, resources);
  const { simulateCluster } = await import('@hacluster/policy-engine');
  copy.ensureScope('status');
  const result = simulateCluster(copy.root, { process: true, quiet: true });
  if (!result.schedule) return [];
  const ids = new IdProvider(cib);
  const promoted = newRoleNamesSupported(cib) ? 'Promoted' : 'Master';
  const out: RelocateConstraint[] = [];
  for (const p of placements(cib, result.schedule.graph)) {
    if (resources.length && !updated.has(p.primitive) && !updated.has(p.target)) continue;
    const node = p.promoteOn ?? p.startOn;
    if (node === undefined) continue;
    const c: RelocateConstraint = { id: ids.allocate(RELOCATE_CONSTRAINT_PREFIX + p.target), resource: p.target, node };
    if (p.promoteOn !== undefined) c.role = promoted;
    out.push(c);
  }
  return out;
}

/** `resource relocate dry-run`: what `run` would do, told and not written. */
export async function relocateDryRun(env: LibraryEnvironment, resources: readonly string[]): Promise<RelocateConstraint[]> {
  const planned = await relocateConstraints(env, resources);
  for (const c of planned) env.reports.report(info({ code: 'RELOCATE_CONSTRAINT_PLANNED', ...c }));
  if (!planned.length) env.reports.report(info({ code: 'RELOCATE_NOTHING_TO_MOVE' }));
  return planned;
}

/**
 * `resource relocate show`: the cluster status and the transition the scheduler computes once
 * stickiness no longer holds resources where they are (crm_simulate's two sections).
 */
export async function relocateShow(env: LibraryEnvironment): Promise<string[]> {
  const cib = env.getCib('resource relocate show');
  const { copy } = withoutStickiness(cib, []);
  copy.ensureScope('status');
  const { simulateCluster } = await import('@hacluster/policy-engine');
  const result = simulateCluster(copy.root, { process: true });
  return statusAndTransition(result.stdout.split('\n'));
}

/** From crm_simulate's text, the current status (nodes, then resources) and the transition summary. */
export function statusAndTransition(lines: readonly string[]): string[] {
  const out: string[] = [];
  let section: 'none' | 'status' | 'resources' | 'transition' = 'none';
  for (const line of lines) {
    const trimmed = line.trim();
    if (trimmed === 'Current cluster status:') section = 'status';
    else if (trimmed === 'Transition Summary:') {
      section = 'transition';
      out.push('');
    } else if (trimmed === '') section = section === 'status' ? 'resources' : 'none';
    if (section !== 'none') out.push(line);
  }
  return out;
}

/** `resource relocate clear`: constraints left by an interrupted relocate. */
export function relocateClear(env: LibraryEnvironment): void {
  const cib = env.getCib('resource relocate clear');
  for (const c of constraintsOf(cib, 'rsc_location')) {
    const id = c.get('id') ?? '';
    if (id.startsWith(RELOCATE_CONSTRAINT_PREFIX)) {
      remove(c);
      env.reports.report(info({ code: 'CONSTRAINT_REMOVED', id }));
    }
  }
  env.pushCib(cib);
}
