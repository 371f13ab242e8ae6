// Stage: node health (Pacemaker's pcmk__apply_node_health). Under a node-health-strategy, the
// #health-* attributes of a node add up to a score that every resource gets on that node (unless
// a resource allows unhealthy nodes and the score is negative).

import { addScores, type Score } from '@hacluster/cib';
import type { Node, WorkingSet } from '../model/types.js';
import { char2score } from '../util/score.js';
import { isTrue } from '../util/strings.js';
import { clusterOption, healthStrategy } from '../unpack/config.js';
import { newLocation } from '../constraints/location.js';

export function sumNodeHealth(ws: WorkingSet, node: Node, base: Score): Score {
  let health = base;
  for (const [k, v] of node.attrs) {
    if (k.startsWith('#health')) health = addScores(char2score(v, ws.nodeHealth), health);
  }
  return health;
}

/** 1 (green), 0 (yellow) or -1 (red), as crm_mon reports a node's health. */
export function nodeHealth(ws: WorkingSet, node: Node): number {
  if (healthStrategy(ws) === 'none') return 1;
  let rc = 1;
  for (const [k, v] of node.attrs) {
    if (!k.startsWith('#health')) continue;
    const lower = v.toLowerCase();
    if (lower === 'red') return -1;
    if (lower === 'yellow') {
      rc = 0;
      continue;
    }
    const score = char2score(v, ws.nodeHealth);
    if (score <= ws.nodeHealth.red) return -1;
    if (score <= ws.nodeHealth.yellow && ws.nodeHealth.yellow !== ws.nodeHealth.green) rc = 0;
  }
  return rc;
}

export function applyNodeHealth(ws: WorkingSet): void {
  const strategy = healthStrategy(ws);
  if (strategy === 'none') return;
  const strategyText = clusterOption(ws, 'node-health-strategy')!;
  const base = strategy === 'progressive' ? char2score(clusterOption(ws, 'node-health-base'), ws.nodeHealth) : (0 as Score);
  for (const node of ws.nodes) {
    const health = sumNodeHealth(ws, node, base);
    if (health === 0) continue;
    for (const rsc of ws.resources) {
      const constrain = health < 0 ? !isTrue(rsc.meta.get('allow-unhealthy-nodes')) : true;
      if (constrain) newLocation(ws, strategyText, rsc, health, undefined, node);
    }
  }
}
