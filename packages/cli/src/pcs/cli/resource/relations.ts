// `pcs resource relations RESOURCE [--full]`: the relation tree drawn as pcs draws it.

import { resourceRelations } from '../../lib/commands/resource/relations.js';
import type { RelationEntity, RelationTree } from '../../lib/cib/resource/relations.js';
import type { Cli } from '../context.js';
import { CmdLineInputError } from '../errors.js';

const isResourceNode = (e: RelationEntity) => ['primitive', 'group', 'bundle', 'clone', 'unknown'].includes(e.type);
const PRIORITY: Record<string, number> = { 'inner-resources': 0, 'outer-resource': 1, order: 2, 'order-set': 3 };
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Children in pcs's order: relations of a resource by kind then id, resources of a relation by id. */
function sortedMembers(node: RelationTree): RelationTree[] {
  const key = (m: RelationTree) => (isResourceNode(node.entity) ? `${PRIORITY[m.entity.type] ?? 9}_${m.entity.id}` : m.entity.id);
  return [...node.members].sort((a, b) => cmp(key(a), key(b)));
}

function title(e: RelationEntity, verbose: boolean): string {
  const md = e.metadata as Record<string, string>;
  if (isResourceNode(e)) {
    let type = e.type === 'group' || e.type === 'bundle' || e.type === 'clone' ? e.type : '<unknown>';
    if (e.type === 'primitive') type = `${md.class ? md.class + ':' : ''}${md.provider ? md.provider + ':' : ''}${md.type ?? ''}`;
    return `${e.id}${verbose ? ` (resource: ${type})` : ''}`;
  }
  const name = { order: 'order', 'order-set': 'order set', 'inner-resources': 'inner resource(s)', 'outer-resource': 'outer resource' }[e.type as string] ?? '<unknown>';
  return `${name}${verbose ? ` (${md.id})` : ''}`;
}

function keys(data: Record<string, unknown>, supported: readonly string[]): string {
  return Object.keys(data)
    .filter((k) => supported.includes(k))
    .sort(cmp)
    .map((k) => `${k}=${String(data[k])}`)
    .join(' ');
}

function detail(e: RelationEntity): string[] {
  const md = e.metadata as Record<string, unknown>;
  const common = () => {
    const s = keys(md, ['symmetrical', 'kind', 'require-all', 'score']);
    return s ? [s] : [];
  };
  if (e.type === 'order') return [`${md['first-action'] ?? 'start'} ${md.first} then ${md['then-action'] ?? 'start'} ${md.then}`, ...common()];
  if (e.type === 'order-set') {
    const sets = (md.sets as { members: string[]; metadata: Record<string, string> }[]).map((s) => {
      const o = keys(s.metadata, ['sequential', 'require-all', 'ordering', 'action', 'role', 'kind', 'score']);
      return `   set ${s.members.join(' ')}${o ? ` (${o})` : ''}`;
    });
    return [...common(), ...sets];
  }
  if (e.type === 'inner-resources' && e.members.length > 1) return [`members: ${e.members.join(' ')}`];
  return [];
}

export function treeToLines(node: RelationTree, verbose: boolean, titlePrefix = '', indent = ''): string[] {
  const out = [`${titlePrefix}${title(node.entity, verbose)}${node.isLeaf ? ' [displayed elsewhere]' : ''}`];
  if (node.isLeaf) return out;
  const members = sortedMembers(node);
  for (const line of detail(node.entity)) out.push(`${indent}${members.length ? '|  ' : '   '}${line}`);
  members.forEach((m, i) => {
    const last = i === members.length - 1;
    out.push(...treeToLines(m, verbose, `${indent}${last ? '`- ' : '|- '}`, `${indent}${last ? '   ' : '|  '}`));
  });
  return out;
}

export async function relationsCmd(cli: Cli, argv: string[]): Promise<void> {
  cli.mods.ensureOnlySupported(['-f', '--full']);
  if (argv.length !== 1) throw new CmdLineInputError();
  cli.print(...treeToLines(resourceRelations(cli.env, argv[0]!), cli.mods.is('--full')));
}
