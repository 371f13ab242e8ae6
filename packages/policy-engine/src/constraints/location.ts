// Location constraints (Pacemaker's pcmk_sched_location.c): rsc_location with a node and score,
// or with rules scoring each node; rsc-pattern; resource sets; tags; resource-discovery.

import { addScores, type Score, type XmlElement } from '@hacluster/cib';
import { Role, parseRoleN } from '../model/role.js';
import { Discover, type DiscoverMode, type Location, type Node, type Resource, type WorkingSet } from '../model/types.js';
import { char2score } from '../util/score.js';
import { rulePasses, ruleTime } from '../util/rules.js';
import { expandIdref } from '../util/xml.js';
import { resourceParams } from '../unpack/params.js';
import { findNode } from '../unpack/nodes.js';
import { copyNodeScore } from './resource-location.js';
import { expandTagsInSets, findConstraintResource, resourceOrTag, tagToSet } from './resolve.js';

/** Pacemaker's pcmk__new_location. */
export function newLocation(
  ws: WorkingSet,
  id: string | undefined,
  rsc: Resource | undefined,
  weight: Score,
  discoverMode: string | undefined,
  node: Node | undefined,
): Location | undefined {
  if (id === undefined || rsc === undefined) return undefined;
  if (node === undefined && weight !== 0) return undefined;
  let mode: DiscoverMode = Discover.always;
  const d = discoverMode?.toLowerCase();
  if (d === undefined || d === 'always') mode = Discover.always;
  else if (d === 'never') mode = Discover.never;
  else if (d === 'exclusive') {
    mode = Discover.exclusive;
    rsc.exclusiveDiscover = true;
  }
  const location: Location = { id, rsc, roleFilter: Role.unknown, discoverMode: mode, nodes: [] };
  if (node !== undefined) location.nodes.push({ node, weight });
  ws.locations.push(location);
  rsc.locations.unshift(location);
  return location;
}

function nodeScore(score: string | undefined, raw: boolean, node: Node, rsc: Resource): Score {
  if (score === undefined) return 0 as Score;
  if (raw) return char2score(score);
  const attr = nodeAttributeCalculated(node, score, rsc);
  return attr === undefined ? (-1_000_000 as Score) : char2score(attr);
}

/** A node attribute, read from the container's host when the resource asks for it (container-attribute-target). */
export function nodeAttributeCalculated(node: Node, name: string, rsc: Resource | undefined): string | undefined {
  if (rsc === undefined) return node.attrs.get(name);
  const source = rsc.meta.get('container-attribute-target');
  if (source === undefined || source.toLowerCase() !== 'host') return node.attrs.get(name);
  const host = node.remoteRsc?.container?.runningOn[0];
  return host === undefined ? undefined : host.attrs.get(name);
}

interface RegexMatch {
  text: string;
  groups: (string | undefined)[];
}

/** Replaces %0…%9 in a score attribute name with the rsc-pattern's submatches. */
function expandReMatches(text: string, match: RegexMatch): string {
  return text.replace(/%([0-9])/g, (whole, d: string) => {
    const i = Number(d);
    const g = match.groups[i];
    return g === undefined ? whole : g;
  });
}

function generateLocationRule(
  ws: WorkingSet,
  rsc: Resource,
  ruleRef: XmlElement,
  discovery: string | undefined,
  reMatch: RegexMatch | undefined,
): Location | undefined {
  const ruleXml = expandIdref(ruleRef, ws.idIndex);
  if (ruleXml === undefined) return undefined;
  const ruleId = ruleXml.get('id');
  const role = ruleXml.get('role');
  if (role !== undefined && parseRoleN(role) === Role.unknown) return undefined;
  let score = ruleXml.get('score');
  let raw = true;
  if (score === undefined) {
    score = ruleXml.get('score-attribute');
    if (score !== undefined) raw = false;
  }
  const doAnd = ruleXml.get('boolean-op')?.toLowerCase() !== 'or';
  const location = newLocation(ws, ruleId, rsc, 0 as Score, discovery, undefined);
  if (location === undefined) return undefined;
  if (reMatch !== undefined && !raw && score !== undefined) score = expandReMatches(score, reMatch);
  if (role !== undefined) {
    location.roleFilter = parseRoleN(role);
    if (location.roleFilter === Role.unpromoted) location.roleFilter = Role.unknown;
  }
  const matched: { node: Node; weight: Score }[] = [];
  if (doAnd) for (const node of ws.nodes) matched.push({ node, weight: nodeScore(score, raw, node, rsc) });
  for (const node of ws.nodes) {
    const accept = rulePasses(
      ruleXml,
      {
        ...ruleTime(ws),
        nodeAttributes: node.attrs,
        resourceParams: resourceParams(rsc, node),
        resourceMeta: rsc.meta,
      },
      ws.idIndex,
    );
    const scoreF = nodeScore(score, raw, node, rsc);
    const i = matched.findIndex((m) => m.node === node);
    if (accept) {
      if (i < 0 && doAnd) continue;
      let local = i < 0 ? undefined : matched[i];
      if (local === undefined) {
        local = { node, weight: node.weight };
        matched.push(local);
      }
      if (!doAnd) local.weight = addScores(local.weight, scoreF);
    } else if (doAnd && i >= 0) {
      matched.splice(i, 1);
    }
  }
  location.nodes = matched;
  if (matched.length === 0) return undefined;
  return location;
}

function unpackRscLocation(
  ws: WorkingSet,
  xml: XmlElement,
  rsc: Resource | undefined,
  roleIn: string | undefined,
  scoreIn: string | undefined,
  reMatch: RegexMatch | undefined,
): void {
  if (rsc === undefined) return;
  const id = xml.get('id');
  const nodeName = xml.get('node');
  const discovery = xml.get('resource-discovery');
  const score = scoreIn ?? xml.get('score');
  let location: Location | undefined;
  if (nodeName !== undefined && score !== undefined) {
    const match = findNode(ws, nodeName);
    if (!match) return;
    location = newLocation(ws, id, rsc, char2score(score), discovery, match);
  } else {
    for (const rule of xml.elements('rule')) generateLocationRule(ws, rsc, rule, discovery, reMatch);
    return;
  }
  const role = roleIn ?? xml.get('role');
  if (location !== undefined && role !== undefined) {
    const r = parseRoleN(role);
    if (r === Role.unknown) return;
    location.roleFilter = r === Role.started || r === Role.unpromoted ? Role.unknown : r;
  }
}

function unpackSimpleLocation(ws: WorkingSet, xml: XmlElement): void {
  const rscId = xml.get('rsc');
  if (rscId !== undefined) unpackRscLocation(ws, xml, findConstraintResource(ws, rscId), undefined, undefined, undefined);
  let pattern = xml.get('rsc-pattern');
  if (pattern !== undefined) {
    let invert = false;
    if (pattern.startsWith('!')) {
      pattern = pattern.slice(1);
      invert = true;
    }
    let re: RegExp;
    try {
      re = new RegExp(pattern);
    } catch {
      return;
    }
    for (const r of ws.resources) {
      const m = re.exec(r.id);
      if (!invert && m) {
        unpackRscLocation(ws, xml, r, undefined, undefined, { text: r.id, groups: [...m] });
      } else if (invert && !m) {
        unpackRscLocation(ws, xml, r, undefined, undefined, undefined);
      }
    }
  }
}

/** One rsc_location element (Pacemaker's pcmk__unpack_location). */
export function unpackLocation(ws: WorkingSet, original: XmlElement): void {
  let xml = original;
  const expanded = expandTagsInSets(ws, xml);
  if (expanded === null) return;
  if (expanded !== undefined) {
    xml = expanded;
  } else {
    const rscId = xml.get('rsc');
    if (rscId !== undefined) {
      const found = resourceOrTag(ws, rscId);
      if (found === undefined) return;
      if (found.kind === 'tag') {
        const copy = xml.clone();
        const state = xml.get('role');
        const set = tagToSet(ws, copy, 'rsc', false);
        if (set === null) return;
        if (set !== undefined) {
          if (state !== undefined) {
            set.set('role', state);
            copy.remove('role');
          }
          xml = copy;
        }
      }
    }
  }
  let anySets = false;
  for (const setRef of xml.elements('resource_set')) {
    anySets = true;
    const set = expandIdref(setRef, ws.idIndex);
    if (set === undefined) return;
    if (set.get('id') === undefined) return;
    const role = set.get('role');
    const score = set.get('score');
    for (const ref of set.elements('resource_ref')) {
      const rsc = findConstraintResource(ws, ref.get('id') ?? '');
      if (rsc === undefined) return;
      unpackRscLocation(ws, xml, rsc, role, score, undefined);
    }
  }
  if (!anySets) unpackSimpleLocation(ws, original);
}

/** Pacemaker's pcmk__apply_location for primitives (and groups, member by member). */
export function applyLocationToResource(rsc: Resource, location: Location): void {
  const needRole = location.roleFilter > Role.unknown;
  if (needRole && location.roleFilter !== rsc.nextRole) return;
  if (location.nodes.length === 0) return;
  for (const { node, weight } of location.nodes) {
    let weighted = rsc.allowedNodes.get(node.id);
    if (weighted === undefined) {
      weighted = copyNodeScore(node, weight);
      rsc.allowedNodes.set(node.id, weighted);
    } else {
      weighted.weight = addScores(weighted.weight, weight);
    }
    if (weighted.discoverMode < location.discoverMode) {
      if (location.discoverMode === Discover.exclusive) rsc.exclusiveDiscover = true;
      weighted.discoverMode = location.discoverMode;
    }
  }
}
