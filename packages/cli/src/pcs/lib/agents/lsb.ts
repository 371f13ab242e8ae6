// LSB init scripts have no meta-data action; Pacemaker makes their meta-data from the script's
// "### BEGIN INIT INFO" header and a fixed set of actions. We do the same.

import { readFileSync } from 'node:fs';
import type { AgentMetadata } from '@hacluster/agents';

const ACTIONS: [string, string, string | undefined][] = [
  ['meta-data', '5', undefined],
  ['start', '15', undefined],
  ['stop', '15', undefined],
  ['status', '15', undefined],
  ['restart', '15', undefined],
  ['force-reload', '15', undefined],
  ['monitor', '15', '15'],
];

export function lsbMetadata(type: string, script: string): AgentMetadata {
  let text = '';
  try {
    text = readFileSync(script, 'utf8');
  } catch {
    text = '';
  }
  const header = (key: string) => new RegExp(`^#\\s*${key}:\\s*(.*)$`, 'm').exec(text)?.[1]?.trim() ?? '';
  return {
    name: type,
    agentVersion: '0.1',
    ocfVersion: '1.0',
    shortdesc: header('Short-Description'),
    longdesc: header('Description') || type,
    parameters: [],
    actions: ACTIONS.map(([name, timeout, interval]) => ({
      name,
      timeout,
      interval,
      role: undefined,
      depth: undefined,
      startDelay: undefined,
      attributes: interval ? [['name', name], ['timeout', timeout], ['interval', interval]] : [['name', name], ['timeout', timeout]],
    })),
  };
}
