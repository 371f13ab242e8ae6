// pcs's older resource editing commands: `resource update`, `resource meta`, `resource op
// add|remove|delete`. They keep pcs 0.11's behaviour exactly: nvpairs in the order given with
// ids "<set>-<name>", an updated operation replacing the old one in place.

import { XmlElement, type Cib } from '@hacluster/cib';
import { legacyUpdateInstance, legacyUpdateMeta, nvsetPairs, INSTANCE } from '../../cib/nvpair.js';
import { cloneInner, findResourceElement } from '../../cib/resource/common.js';
import { operationToString, roleForCib, ROLES, type OperationSpec } from '../../cib/resource/operations.js';
import { append, appendNew, IdProvider, remove } from '../../cib/tools.js';
import type { LibraryEnvironment } from '../../env.js';
import { timeoutToSeconds } from '../../pacemaker/values.js';
import { error, forceable, LibraryError, warning } from '../../reports/item.js';
import { idReports } from '../../validate.js';
import { AgentUnavailable } from '../../agents/unavailable.js';
import { validateInstanceAttributesUpdate } from '../../cib/resource/primitive.js';
import { newRoleNamesSupported } from './create.js';
import { updateCloneMeta } from './clone.js';

const VALID_OP_OPTIONS = ['id', 'name', 'interval', 'description', 'start-delay', 'interval-origin', 'timeout', 'enabled', 'record-pending', 'role', 'on-fail', 'OCF_CHECK_LEVEL'];

/** A clone given as <master> is rewritten as a promotable <clone> before it is edited. */
function masterToClone(cib: Cib, master: XmlElement): XmlElement {
  const clone = XmlElement.create('clone', { id: master.get('id') ?? '' });
  append(master.parent!, clone, master);
  for (const c of [...master.elements()]) append(clone, c);
  remove(master);
  legacyUpdateMeta(clone, [['promotable', 'true']], new IdProvider(cib));
  return clone;
}

const legacySeconds = (interval: string): number | string => timeoutToSeconds(interval) ?? interval;

/**
 * Adds one operation (`op add` and the `op` part of `update`). `strict` refuses a second
 * operation of the same name (without --force); the same name and interval is always refused.
 */
export function addOperation(cib: Cib, resourceId: string, words: string[], opts: { force: boolean; strict: boolean; before?: XmlElement | undefined }): void {
  const resource = findResourceElement(cib, resourceId, ['primitive']);
  if (!resource) throw new LibraryError(error({ code: 'RESOURCE_DOES_NOT_EXIST', id: resourceId }));
  const [name, ...rest] = words as [string, ...string[]];
  if (name.includes('=')) throw new LibraryError(error({ code: 'INVALID_OPTION_VALUE', optionName: 'operation action', optionValue: name, allowedValues: 'an operation name' }));
  const props: [string, string][] = rest.filter((w) => w.includes('=')).map((w) => [w.slice(0, w.indexOf('=')), w.slice(w.indexOf('=') + 1)]);
  if (!opts.force) {
    for (const [k, v] of props) {
      if (!VALID_OP_OPTIONS.includes(k)) throw new LibraryError(error({ code: 'INVALID_OPTIONS', optionNames: [k], allowed: VALID_OP_OPTIONS, optionType: 'resource operation' }, 'FORCE'));
      if (k === 'role' && !ROLES.includes(v)) throw new LibraryError(error({ code: 'INVALID_OPTION_VALUE', optionName: 'role', optionValue: v, allowedValues: ROLES }, 'FORCE'));
    }
  }
  let interval = props.find(([k]) => k === 'interval')?.[1];
  if (!interval) {
    interval = name === 'monitor' ? '60s' : '0s';
    props.push(['interval', interval]);
  }
  props.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const all: OperationSpec = [['name', name], ...props];
  const ids = new IdProvider(cib);
  let opId: string | undefined;
  for (const [k, v] of all) {
    if (k !== 'id') continue;
    const bad = idReports(v, 'operation id');
    if (bad.length) throw new LibraryError(bad[0]!);
    if (ids.exists(v)) throw new LibraryError(error({ code: 'ID_ALREADY_EXISTS', id: v }));
    opId = v;
  }
  opId ??= ids.allocate(`${resourceId}-${name}-interval-${interval}`);
  const op = XmlElement.create('op', { id: opId });
  const newRoles = newRoleNamesSupported(cib);
  let checkLevel: string | undefined;
  for (const [k, v] of all) {
    if (k === 'OCF_CHECK_LEVEL') checkLevel = v;
    else if (k === 'role' && !opts.force) op.set(k, roleForCib(v, newRoles));
    else op.set(k, v);
  }
  let operations = resource.first('operations');
  if (operations) {
    const same = operations.elements('op').filter((o) => o.get('name') === name && legacySeconds(o.get('interval') ?? '') === legacySeconds(interval!));
    if (same.length) {
      throw new LibraryError(
        error({ code: 'RESOURCE_OPERATION_ALREADY_EXISTS', resource: resourceId, operation: name, sameInterval: true, existing: same.map(operationToString).join('\n') }),
      );
    }
    if (opts.strict && !opts.force) {
      const role = (e: XmlElement) => roleForCib(e.get('role') || 'Started', newRoles);
      const level = (e: XmlElement) => nvsetPairs(e.first(INSTANCE)).find(([k]) => k === 'OCF_CHECK_LEVEL')?.[1];
      const byName = operations.elements('op').filter((o) => o.get('name') === name && (name !== 'monitor' || (role(o) === role(op) && level(o) === checkLevel)));
      if (byName.length) {
        throw new LibraryError(
          error({ code: 'RESOURCE_OPERATION_ALREADY_EXISTS', resource: resourceId, operation: name, sameInterval: false, existing: byName.map(operationToString).join('\n') }, 'FORCE'),
        );
      }
    }
  } else {
    operations = appendNew(resource, 'operations');
  }
  append(operations, op, opts.before);
  if (checkLevel !== undefined) {
    const set = appendNew(op, 'instance_attributes', { id: ids.allocate(`params-${opId}`) });
    appendNew(set, 'nvpair', { name: 'OCF_CHECK_LEVEL', value: checkLevel, id: ids.allocate(`${opId}-OCF_CHECK_LEVEL-${checkLevel}`) });
  }
}

export function opAdd(env: LibraryEnvironment, resourceId: string, words: string[], force: boolean): void {
  const cib = env.getCib('resource op add');
  addOperation(cib, resourceId, words, { force, strict: true });
  env.pushCib(cib);
}

/** `op remove ID ACTION [k=v…]`: ops with exactly these attributes (all ops of the action without k=v). */
export function opRemove(env: LibraryEnvironment, resourceId: string, words: string[]): void {
  const cib = env.getCib('resource op remove');
  const resource = findResourceElement(cib, resourceId, ['primitive']);
  if (!resource) throw new LibraryError(error({ code: 'RESOURCE_DOES_NOT_EXIST', id: resourceId }));
  const [name, ...rest] = words as [string, ...string[]];
  const removeAll = rest.length === 0;
  const wanted = new Map<string, string>(rest.filter((w) => w.includes('=')).map((w) => [w.slice(0, w.indexOf('=')), w.slice(w.indexOf('=') + 1)]));
  wanted.set('name', name);
  let found = false;
  for (const op of [...resource.descendants()].filter((e) => e.name === 'op')) {
    const attrs = Object.entries(op.attributes()).filter(([k]) => k !== 'id');
    if (removeAll && op.get('name') === name) {
      remove(op);
      found = true;
    } else if (!removeAll && attrs.length === wanted.size && attrs.every(([k, v]) => wanted.get(k) === v)) {
      remove(op);
      found = true;
      break;
    }
  }
  if (!found) throw new LibraryError(error({ code: 'RESOURCE_OPERATION_NOT_FOUND', description: words.join(' ') }));
  env.pushCib(cib);
}

/** `op delete|remove OP_ID` */
export function opRemoveById(env: LibraryEnvironment, opId: string): void {
  const cib = env.getCib('resource op delete');
  const section = cib.scope('resources');
  const op = section ? [...section.descendants()].find((e) => e.name === 'op' && e.get('id') === opId) : undefined;
  if (!op) throw new LibraryError(error({ code: 'RESOURCE_OPERATION_NOT_FOUND', description: `id ${opId}` }));
  remove(op);
  env.pushCib(cib);
}

/** `resource meta ID k=v…` (also clones, groups; a <master> becomes a promotable clone). */
export async function updateMeta(env: LibraryEnvironment, id: string, pairs: [string, string][], force: boolean): Promise<void> {
  const cib = env.getCib('resource meta');
  let el = findResourceElement(cib, id, ['master']);
  if (el) el = masterToClone(cib, el);
  else el = findResourceElement(cib, id, ['primitive', 'group', 'clone', 'bundle']);
  if (!el) throw new LibraryError(error({ code: 'ID_NOT_FOUND', id, expectedTypes: ['clone', 'group', 'primitive'] }));
  if (el.name === 'clone') await updateCloneMeta(env, cib, el, pairs, force);
  else legacyUpdateMeta(el, pairs, new IdProvider(cib));
  env.pushCib(cib);
}

export interface UpdateRequest {
  id: string;
  instance: [string, string][];
  /** Each operation: name then k=v words. */
  ops: string[][];
  meta: [string, string][];
  /** For a clone: its meta options (all words). */
  cloneArgs: [string, string][];
  force: boolean;
}

/** `resource update ID [k=v…] [op …] [meta …]` */
export async function updateResource(env: LibraryEnvironment, req: UpdateRequest): Promise<void> {
  const cib = env.getCib('resource update');
  const primitive = findResourceElement(cib, req.id, ['primitive']);
  if (!primitive) {
    let clone = findResourceElement(cib, req.id, ['clone', 'master']);
    if (clone) {
      if (clone.name === 'master') clone = masterToClone(cib, clone);
      if (cloneInner(clone)) {
        await updateCloneMeta(env, cib, clone, req.cloneArgs, req.force);
        env.pushCib(cib);
        return;
      }
    }
    throw new LibraryError(error({ code: 'RESOURCE_DOES_NOT_EXIST', id: req.id }));
  }
  const name = { standard: primitive.get('class') ?? '', provider: primitive.get('provider'), type: primitive.get('type') ?? '' };
  try {
    const md = await (await env.agents()).metadata(name);
    const current = Object.fromEntries(nvsetPairs(primitive.first(INSTANCE)));
    env.reports.reportList(validateInstanceAttributesUpdate(md, Object.fromEntries(req.instance), current, { forced: req.force, cib, resourceId: req.id })).throwOnErrors();
  } catch (e) {
    if (!(e instanceof AgentUnavailable)) throw e;
    env.reports.report(forceable({ code: 'UNABLE_TO_GET_AGENT_METADATA', agent: e.agent, reason: e.reason }, req.force)).throwOnErrors();
  }
  const ids = new IdProvider(cib);
  legacyUpdateInstance(primitive, req.instance, ids);
  legacyUpdateMeta(primitive, req.meta, ids);
  if (!primitive.first('operations')) appendNew(primitive, 'operations');
  const operations = primitive.first('operations')!;
  const newRoles = newRoleNamesSupported(cib);
  for (const words of req.ops) {
    if (!words.length) continue;
    const opName = words[0]!;
    if (opName.includes('=')) throw new LibraryError(error({ code: 'INVALID_OPTION_VALUE', optionName: 'operation action', optionValue: opName, allowedValues: 'an operation name' }));
    if (words.length < 2) continue;
    const roleWord = words.slice(1).find((w) => w.startsWith('role='));
    const opRole = roleWord ? roleForCib(roleWord.slice(5), newRoles) : '';
    let updating: XmlElement | undefined;
    let before: XmlElement | undefined;
    for (const existing of [...operations.descendants()].filter((e) => e.name === 'op')) {
      if (updating) {
        before = existing;
        break;
      }
      if (roleForCib(existing.get('role') ?? '', newRoles) === opRole && existing.get('name') === opName) updating = existing;
    }
    if (updating) remove(updating);
    addOperation(cib, req.id, words, { force: req.force, strict: false, before });
  }
  env.pushCib(cib);
  void warning;
}
