// Applies a patch to a CIB that may have moved on since the patch was made: every change is
// first resolved and checked against the untouched target, and only when none conflicts is the
// target edited. So a refused patch leaves the target exactly as it was, and the error lists
// every conflict, each naming its path.
//
// What conflicts (PATCH_CONFLICT): modifying or moving an element that is gone; creating below
// an element that is gone; creating an element that exists with other content, or whose id is
// used elsewhere in the configuration; changing an attribute that the target changed too, to a
// different value. What does not: deleting what is already gone, creating what is already there
// as it would be, setting what already has the value; such changes are reported as already
// applied. As in Pacemaker, creations and moves land at their positions in the modified CIB.

import type { Cib } from '../cib.js';
import { CibError, type CibProblem } from '../errors.js';
import { buildIdIndex, idIsReference } from '../ids.js';
import { applyVersionBump, VERSION_FIELDS, type CibVersion, type VersionBump } from '../version.js';
import { sameElement } from '../xml/compare.js';
import { dropLayout, insertNode, removeNode } from '../xml/edit.js';
import { parseXml } from '../xml/parse.js';
import { XmlComment, XmlElement, type XmlNode } from '../xml/tree.js';
import type { AttributeChange, CibPatch, PatchChange } from './model.js';
import { ChildFinder, elementPath, findChild, parsePath, resolvePath } from './path.js';

export interface ApplyOptions {
  /**
   * Move the version counters as the change requires: epoch for a configuration change,
   * num_updates for a status change (default true). Then any change of the counters the patch
   * itself carries is ignored: the store owns them.
   */
  bumpVersion?: boolean;
}

export interface ApplyResult {
  /** Changes that edited the target. */
  applied: number;
  /** Changes the target already had (deleted already, created identically, same values). */
  alreadyApplied: PatchChange[];
  bump: VersionBump;
  version: CibVersion;
}

type Step =
  | { kind: 'delete'; parent: XmlElement; node: XmlNode }
  | { kind: 'modify'; element: XmlElement; attributes: AttributeChange[] }
  | { kind: 'place'; parent: XmlElement; node: XmlElement | XmlComment; position: number; moved: boolean };

/** Applies `patch` to `target` in place, or throws a CibError and leaves `target` untouched. */
export function applyPatch(target: Cib, patch: CibPatch, options: ApplyOptions = {}): ApplyResult {
  const bumpVersion = options.bumpVersion ?? true;
  const plan = new Planner(target.root, bumpVersion);
  for (const change of patch.changes) plan.add(change);
  if (plan.problems.length > 0) throw new CibError(...(plan.problems as [CibProblem, ...CibProblem[]]));
  const bump = bumpVersion ? plan.bump() : 'none';
  execute(plan.steps);
  return {
    applied: plan.steps.length,
    alreadyApplied: plan.alreadyApplied,
    bump,
    version: applyVersionBump(target.root, bump),
  };
}

class Planner {
  readonly steps: Step[] = [];
  readonly problems: CibProblem[] = [];
  readonly alreadyApplied: PatchChange[] = [];
  /** Nodes deleted by earlier changes of the patch. */
  private readonly gone = new Set<XmlNode>();
  private ids: Map<string, XmlElement> | undefined;
  /** The target is not edited while planning, so children can be indexed once. */
  private readonly finder = new ChildFinder();
  /** Parents whose children the patch deletes, creates or moves: positions there shift. */
  private readonly reordered = new Set<XmlElement>();

  constructor(
    private readonly root: XmlElement,
    private readonly ignoreVersionFields: boolean,
  ) {}

  add(change: PatchChange): void {
    checkShape(change);
    const before = this.steps.length;
    this.plan(change);
    for (const s of this.steps.slice(before)) if (s.kind !== 'modify') this.reordered.add(s.parent);
  }

  private plan(change: PatchChange): void {
    switch (change.operation) {
      case 'delete':
        return this.delete(change);
      case 'modify':
        return this.modify(change);
      case 'create':
        return this.create(change);
      case 'move':
        return this.move(change);
    }
  }

  private find(path: string): XmlElement | undefined {
    const el = resolvePath(this.root, parsePath(path), this.gone, this.finder);
    return el && !this.isGone(el) ? el : undefined;
  }

  private isGone(el: XmlElement): boolean {
    for (let e: XmlElement | null = el; e; e = e.parent) if (this.gone.has(e)) return true;
    return false;
  }

  private delete(change: Extract<PatchChange, { operation: 'delete' }>): void {
    const steps = parsePath(change.path);
    const last = steps[steps.length - 1]!;
    if (last.name === 'comment' && change.position !== undefined) {
      const parent = resolvePath(this.root, steps.slice(0, -1), this.gone, this.finder);
      const node = parent && !this.isGone(parent) ? this.contentAt(parent, change.position) : undefined;
      if (!parent || node?.kind !== 'comment') return void this.alreadyApplied.push(change);
      this.gone.add(node);
      this.steps.push({ kind: 'delete', parent, node });
      return;
    }
    if (steps.length === 1) throw new CibError({ code: 'BAD_PATCH', reason: `cannot delete the root element (${change.path})` });
    const el = this.find(change.path);
    if (!el) return void this.alreadyApplied.push(change);
    this.gone.add(el);
    this.steps.push({ kind: 'delete', parent: el.parent!, node: el });
  }

  /** The element or comment at a position among the parent's children that are not deleted. */
  private contentAt(parent: XmlElement, position: number): XmlNode | undefined {
    let k = 0;
    for (const c of parent.children) {
      if ((c.kind !== 'element' && c.kind !== 'comment') || this.gone.has(c)) continue;
      if (k++ === position) return c;
    }
    return undefined;
  }

  private modify(change: Extract<PatchChange, { operation: 'modify' }>): void {
    const el = this.find(change.path);
    if (!el) return void this.problems.push({ code: 'PATCH_CONFLICT', path: change.path, conflict: 'missing-element' });
    const isRoot = el === this.root;
    const effective: AttributeChange[] = [];
    for (const a of change.attributes) {
      if (isRoot && this.ignoreVersionFields && VERSION_FIELDS.includes(a.name)) continue;
      const found = el.get(a.name) ?? null;
      const wanted = a.operation === 'set' ? (a.value ?? '') : null;
      if (found === wanted) continue;
      if (a.original !== undefined && found !== a.original) {
        this.problems.push({
          code: 'PATCH_CONFLICT',
          path: change.path,
          conflict: 'attribute-changed',
          attribute: a.name,
          original: a.original,
          patched: wanted,
          found,
        });
        continue;
      }
      effective.push(a);
    }
    if (effective.length === 0) return void this.alreadyApplied.push(change);
    this.steps.push({ kind: 'modify', element: el, attributes: effective });
  }

  private create(change: Extract<PatchChange, { operation: 'create' }>): void {
    const parent = this.find(change.path);
    if (!parent) return void this.problems.push({ code: 'PATCH_CONFLICT', path: change.path, conflict: 'missing-parent' });
    const node = parseFragment(change.xml);
    if (node.kind === 'element') {
      const id = node.get('id');
      if (id !== undefined) {
        const existing = findChild(parent, { name: node.name, id }, this.gone, this.finder);
        if (existing) {
          if (sameElement(existing, node)) return void this.alreadyApplied.push(change);
          this.problems.push({ code: 'PATCH_CONFLICT', path: change.path, conflict: 'already-exists', element: node.name, id });
          return;
        }
      }
      if (this.inConfiguration(parent) && !this.idsAreFree(change.path, node)) return;
    }
    this.steps.push({ kind: 'place', parent, node, position: change.position, moved: false });
  }

  private inConfiguration(el: XmlElement): boolean {
    for (let e: XmlElement | null = el; e; e = e.parent) if (e.name === 'configuration' && e.parent === this.root) return true;
    return false;
  }

  /** Checks that no id in a new subtree is taken in the target's configuration. */
  private idsAreFree(path: string, node: XmlElement): boolean {
    this.ids ??= buildIdIndex(this.root);
    let free = true;
    for (const el of node.descendants()) {
      const id = idIsReference(el) ? undefined : el.get('id');
      const holder = id === undefined ? undefined : this.ids.get(id);
      if (id === undefined || !holder || this.isGone(holder)) continue;
      this.problems.push({ code: 'PATCH_CONFLICT', path, conflict: 'id-in-use', element: el.name, id, usedAt: elementPath(holder) });
      free = false;
    }
    return free;
  }

  private move(change: Extract<PatchChange, { operation: 'move' }>): void {
    const el = this.find(change.path);
    if (!el || !el.parent) return void this.problems.push({ code: 'PATCH_CONFLICT', path: change.path, conflict: 'missing-element' });
    if (this.contentAt(el.parent, change.position) === el && !this.reordered.has(el.parent)) return void this.alreadyApplied.push(change);
    this.steps.push({ kind: 'place', parent: el.parent, node: el, position: change.position, moved: true });
  }

  /** Which counter the planned edits move. */
  bump(): VersionBump {
    let bump: VersionBump = 'none';
    for (const s of this.steps) {
      if (s.kind === 'modify') {
        const configuration =
          s.element === this.root ? s.attributes.some((a) => a.name === 'validate-with') : this.inConfiguration(s.element);
        if (configuration) return 'epoch';
      } else if (this.inConfiguration(s.parent) || (s.node.kind === 'element' && s.node.name === 'configuration')) {
        return 'epoch';
      }
      bump = 'num_updates';
    }
    return bump;
  }
}

function checkShape(change: PatchChange): void {
  const bad = (reason: string): never => {
    throw new CibError({ code: 'BAD_PATCH', reason });
  };
  const c = change as unknown as Record<string, unknown>;
  if (typeof c['path'] !== 'string') bad(`a change has no path`);
  const needsPosition = c['operation'] === 'create' || c['operation'] === 'move';
  const position = c['position'];
  if ((needsPosition || position !== undefined) && (typeof position !== 'number' || !Number.isInteger(position) || position < 0)) {
    bad(`the ${String(c['operation'])} at ${String(c['path'])} has no valid position`);
  }
  switch (c['operation']) {
    case 'create':
      if (typeof c['xml'] !== 'string') bad(`the create at ${String(c['path'])} has no XML`);
      return;
    case 'modify':
      if (!Array.isArray(c['attributes'])) bad(`the modify at ${String(c['path'])} has no attribute list`);
      for (const a of c['attributes'] as AttributeChange[]) {
        if (typeof a.name !== 'string' || (a.operation !== 'set' && a.operation !== 'unset')) {
          bad(`the modify at ${String(c['path'])} has an attribute change that is not set or unset of a named attribute`);
        }
      }
      return;
    case 'delete':
    case 'move':
      return;
    default:
      bad(`unknown operation '${String(c['operation'])}'`);
  }
}

/** A created node from its XML: one element (laid out anew where it lands) or one comment. */
function parseFragment(xml: string): XmlElement | XmlComment {
  const t = xml.trim();
  if (t.startsWith('<!--') && t.endsWith('-->') && t.indexOf('-->') === t.length - 3) return new XmlComment(t.slice(4, -3));
  let root: XmlElement;
  try {
    root = parseXml(t).root;
  } catch (e) {
    throw new CibError({ code: 'BAD_PATCH', reason: `the XML of a created element is malformed: ${e instanceof Error ? e.message : String(e)}` });
  }
  dropLayout(root);
  return root;
}

function contentChildren(parent: XmlElement): XmlNode[] {
  return parent.children.filter((c) => c.kind === 'element' || c.kind === 'comment');
}

function execute(steps: readonly Step[]): void {
  const placements = new Map<XmlElement, Extract<Step, { kind: 'place' }>[]>();
  for (const s of steps) {
    if (s.kind === 'delete') removeNode(s.parent, s.node);
    else if (s.kind === 'modify') {
      for (const a of s.attributes) {
        if (a.operation === 'set') s.element.set(a.name, a.value ?? '');
        else s.element.remove(a.name);
      }
    } else {
      const list = placements.get(s.parent);
      if (list) list.push(s);
      else placements.set(s.parent, [s]);
    }
  }
  // Per parent: take the moved children out, merge moved and created ones into the children
  // that stay at their final positions, then insert them last first, each before its successor.
  for (const [parent, list] of placements) {
    for (const s of list) if (s.moved) removeNode(parent, s.node);
    list.sort((a, b) => a.position - b.position);
    const staying = contentChildren(parent);
    const order: XmlNode[] = [];
    const at: number[] = [];
    let i = 0;
    for (const s of list) {
      while (order.length < s.position && i < staying.length) order.push(staying[i++]!);
      at.push(order.length);
      order.push(s.node);
    }
    for (let k = list.length - 1; k >= 0; k--) insertNode(parent, list[k]!.node, order[at[k]! + 1] ?? staying[i], list[k]!.moved);
  }
}
