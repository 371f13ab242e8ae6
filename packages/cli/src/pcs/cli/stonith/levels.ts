// `pcs stonith level …`

import { addLevel, levelsConfig, removeAllLevels, removeLevels, verifyLevels, type LevelView, type Target } from '../../lib/commands/fencing-topology.js';
import type { Cli } from '../context.js';
import { CmdLineInputError } from '../errors.js';
import { groupByKeywords, splitOption } from '../parse-args.js';
import { indent } from '../text.js';

/** "node1", "regexp%node[12]", "attrib%rack=1". */
export function parseTarget(text: string): Target {
  const i = text.indexOf('%');
  const type = i < 0 ? 'node' : text.slice(0, i) || 'node';
  const value = i < 0 ? text : text.slice(i + 1);
  if (type === 'node') return { type: 'node', value };
  if (type === 'regexp') return { type: 'regexp', value };
  if (type === 'attrib') {
    const [name, val] = splitOption(value);
    return { type: 'attribute', name, value: val };
  }
  throw new CmdLineInputError(`'${type}' is not a target type for '${text}'; use attrib, node or regexp`);
}

function normalizeDevices(cli: Cli, words: string[]): string[] {
  if (words.some((w) => w.includes(','))) cli.deprecated('separate fence devices with spaces, not commas');
  return words.join(',').split(',');
}

function targetAndDevices(argv: string[]): { target?: Target; devices?: string[] } {
  const g = groupByKeywords(argv, ['target', 'stonith'], {});
  const out: { target?: Target; devices?: string[] } = {};
  const missingTarget = g.has('target') && !g.get('target').length;
  const missingStonith = g.has('stonith') && !g.get('stonith').length;
  if (missingTarget && missingStonith) throw new CmdLineInputError("give a value after 'target' and 'stonith'");
  if (missingTarget) throw new CmdLineInputError("give a value after 'target'");
  if (missingStonith) throw new CmdLineInputError("give a value after 'stonith'");
  if (g.get('target').length > 1) throw new CmdLineInputError('give at most one target');
  if (g.get('target').length) out.target = parseTarget(g.get('target')[0]!);
  if (g.get('stonith').length) out.devices = g.get('stonith');
  return out;
}

export async function levelAdd(cli: Cli, argv: string[]): Promise<void> {
  cli.mods.ensureOnlySupported(['-f', '--force']);
  if (argv.length < 3) throw new CmdLineInputError();
  addLevel(cli.env, argv[0]!, parseTarget(argv[1]!), normalizeDevices(cli, argv.slice(2)), cli.mods.force);
}

export async function levelRemove(cli: Cli, argv: string[]): Promise<void> {
  cli.mods.ensureOnlySupported(['-f']);
  if (!argv.length) throw new CmdLineInputError();
  const level = argv[0]!;
  if (argv.length > 1 && (argv[1] === 'target' || argv[1] === 'stonith')) {
    removeLevels(cli.env, { level, ...targetAndDevices(argv.slice(1)) });
    return;
  }
  let target: Target | undefined;
  let devices: string[] | undefined;
  if (argv.length > 1) {
    cli.deprecated("write 'pcs stonith level delete LEVEL [target TARGET] [stonith DEVICE…]'");
    target = parseTarget(argv[1]!);
  }
  if (argv.length > 2) devices = normalizeDevices(cli, argv.slice(2));
  removeLevels(cli.env, { level, target, devices, targetMayBeDevice: true });
}

export async function levelClear(cli: Cli, argv: string[]): Promise<void> {
  cli.mods.ensureOnlySupported(['-f']);
  if (!argv.length) return removeAllLevels(cli.env);
  if (argv.length > 1 || argv[0] === 'target' || argv[0] === 'stonith') {
    const { target, devices } = targetAndDevices(argv);
    if (target && devices) throw new CmdLineInputError("give 'target' or 'stonith', not both");
    removeLevels(cli.env, { target, devices });
    return;
  }
  cli.deprecated("write 'pcs stonith level clear [target TARGET] | [stonith DEVICE…]'");
  const target = parseTarget(argv[0]!);
  removeLevels(cli.env, { target, ignoreIfMissing: true });
  if (target.type === 'node') removeLevels(cli.env, { devices: argv[0]!.split(','), ignoreIfMissing: true });
}

export function levelsToLines(levels: LevelView[]): string[] {
  const lines: string[] = [];
  for (const type of ['node', 'regexp', 'attribute'] as const) {
    const ofType = levels.filter((l) => l.target.type === type);
    const byTarget = new Map<string, LevelView[]>();
    for (const l of ofType) {
      const key = l.target.type === 'attribute' ? `${l.target.name}=${l.target.value}` : l.target.value;
      byTarget.set(key, [...(byTarget.get(key) ?? []), l]);
    }
    for (const key of [...byTarget.keys()].sort()) {
      lines.push(`Target${type === 'regexp' ? ' (regexp)' : ''}: ${key}`);
      const sorted = [...byTarget.get(key)!].sort((a, b) => (a.level < b.level ? -1 : a.level > b.level ? 1 : 0));
      lines.push(...indent(sorted.map((l) => `Level ${l.level} - ${l.devices.join(',')}`)));
    }
  }
  return lines;
}

export async function levelConfig(cli: Cli, argv: string[]): Promise<void> {
  cli.mods.ensureOnlySupported(['-f']);
  if (argv.length) throw new CmdLineInputError();
  const lines = levelsToLines(levelsConfig(cli.env));
  if (lines.length) cli.print(lines.join('\n'));
}

export async function levelVerify(cli: Cli, argv: string[]): Promise<void> {
  cli.mods.ensureOnlySupported(['-f']);
  if (argv.length) throw new CmdLineInputError();
  verifyLevels(cli.env);
}
