// `pcs constraint …` handlers: parse words, call the library, print listings.

import { colocationAdd, colocationRemove } from '../../lib/commands/constraint/colocation.js';
import { constraintRefs, constraintsConfig, removeConstraintsById } from '../../lib/commands/constraint/common.js';
import {
  locationAdd,
  locationConstraints,
  locationPrefer,
  locationRemove,
  locationRule,
  parseResourceSpec,
  splitRuleOptions,
  type ResourceSpec,
  locationRuleAdd,
  locationRuleRemove,
} from '../../lib/commands/constraint/location.js';
import { ORDER_ACTIONS, orderAdd, orderRemoveByResources } from '../../lib/commands/constraint/order.js';
import { createWithSets } from '../../lib/commands/constraint/sets.js';
import { ticketAdd, ticketRemove } from '../../lib/commands/constraint/ticket.js';
import type { ResourceSetSpec } from '../../lib/cib/constraint/common.js';
import { isScore } from '../../lib/pacemaker/values.js';
import type { Cli } from '../context.js';
import { CmdLineInputError } from '../errors.js';
import { prepareOptions, splitList, splitOption } from '../parse-args.js';
import { indent } from '../text.js';
import { colocationPlain, orderPlain, ticketPlain, withSets } from './format.js';
import { locationFilterKey, locationLines } from './location-output.js';

const ROLES = ['Stopped', 'Started', 'Promoted', 'Master', 'Unpromoted', 'Slave'];

function resourceSpec(text: string): ResourceSpec {
  const r = parseResourceSpec(text);
  if ('error' in r) throw new CmdLineInputError(r.error);
  return r;
}

export async function locationCmd(cli: Cli, argv: string[]): Promise<void> {
  const [sub, ...rest] = argv.length ? argv : ['config'];
  switch (sub) {
    case 'add': {
      cli.mods.ensureOnlySupported(['--force', '-f']);
      if (rest.length < 4) throw new CmdLineInputError();
      const [id, rsc, node, score, ...opts] = rest as [string, string, string, string, ...string[]];
      const options = opts.map((o) => {
        if (!o.includes('=')) throw new CmdLineInputError(`'${o}' is not an option (NAME=VALUE)`);
        return [o.slice(0, o.indexOf('=')), o.slice(o.indexOf('=') + 1)] as [string, string];
      });
      locationAdd(cli.env, id, resourceSpec(rsc), node, score, options, cli.mods.force);
      return;
    }
    case 'remove':
    case 'delete':
      cli.mods.ensureOnlySupported(['-f']);
      if (rest.length !== 1) throw new CmdLineInputError();
      locationRemove(cli.env, rest[0]!);
      return;
    case 'show':
      cli.deprecated("use 'pcs constraint location config'");
      return locationConfig(cli, rest);
    case 'config':
      return locationConfig(cli, rest);
    default: {
      if (rest.length < 2) throw new CmdLineInputError();
      const spec = resourceSpec(sub!);
      if (rest[0] === 'rule') {
        cli.mods.ensureOnlySupported(['-f', '--force']);
        const { options, rule } = splitRuleOptions(rest.slice(1));
        locationRule(cli.env, spec, options, rule, cli.mods.force);
        return;
      }
      cli.mods.ensureOnlySupported(['--force', '-f']);
      if (rest[0] !== 'prefers' && rest[0] !== 'avoids') throw new CmdLineInputError();
      locationPrefer(cli.env, { resource: spec, prefer: rest[0] === 'prefers', nodes: rest.slice(1), force: cli.mods.force });
    }
  }
}

function locationConfig(cli: Cli, argv: string[]): void {
  cli.mods.ensureOnlySupported(['-f', '--full', '--all']);
  const byNode = argv[0] === 'nodes';
  let filter: string[] = [];
  if (argv.length > 1) {
    filter = byNode ? argv.slice(1) : argv.slice(1).map((a) => {
      const s = resourceSpec(a);
      return locationFilterKey(s.kind, s.value);
    });
  }
  cli.print(locationLines(locationConstraints(cli.env), { detail: cli.mods.is('--full'), byNode, filter }).join('\n'));
}

/** "Ordering Constraints:" and the like, with their set constraints. */
export function kindLines(cli: Cli, caption: string, tag: 'rsc_order' | 'rsc_colocation' | 'rsc_ticket', plain: typeof orderPlain): string[] {
  const detail = cli.mods.is('--full');
  const c = constraintsConfig(cli.env, tag);
  const lines = [caption, ...c.plain.map((x) => '  ' + plain(x, detail))];
  if (c.withSets.length) lines.push(...indent(['Resource Sets:', ...indent(c.withSets.map((x) => withSets(x, detail)))]));
  return lines;
}

function kindConfig(caption: string, tag: 'rsc_order' | 'rsc_colocation' | 'rsc_ticket', plain: typeof orderPlain) {
  return async (cli: Cli, argv: string[]) => {
    cli.mods.ensureOnlySupported(['-f', '--full']);
    if (argv.length) throw new CmdLineInputError();
    cli.print(kindLines(cli, caption, tag, plain).join('\n'));
  };
}

export const orderConfig = kindConfig('Ordering Constraints:', 'rsc_order', orderPlain);
export const colocationConfig = kindConfig('Colocation Constraints:', 'rsc_colocation', colocationPlain);
export const ticketConfig = kindConfig('Ticket Constraints:', 'rsc_ticket', ticketPlain);

export async function constraintConfig(cli: Cli, argv: string[]): Promise<void> {
  locationConfig(cli, argv);
  const sub = { ...cli, mods: cli.mods.subset('--full', '-f') };
  await orderConfig(sub, argv);
  await colocationConfig(sub, argv);
  await ticketConfig(sub, argv);
}

function parseSets(argv: string[]): { sets: ResourceSetSpec[]; options: Record<string, string> } {
  if (argv.filter((a) => a === 'setoptions').length > 1) throw new CmdLineInputError("'setoptions' may be given once");
  const idx = argv.indexOf('setoptions');
  const setArgs = idx < 0 ? argv : argv.slice(0, idx);
  const optArgs = idx < 0 ? [] : argv.slice(idx + 1);
  if (setArgs.length === 0) throw new CmdLineInputError();
  const sets = splitList(setArgs, 'set').map((words) => ({
    ids: words.filter((w) => !w.includes('=')),
    options: Object.fromEntries(prepareOptions(words.filter((w) => w.includes('=')))),
  }));
  if (!sets.length || !sets.every((s) => s.ids.length)) throw new CmdLineInputError();
  return { sets, options: Object.fromEntries(prepareOptions(optArgs)) };
}

const setCmd = (kind: 'order' | 'colocation' | 'ticket') => async (cli: Cli, argv: string[]) => {
  cli.mods.ensureOnlySupported(['--force', '-f']);
  const { sets, options } = parseSets(argv);
  createWithSets(cli.env, kind, sets, options, cli.mods.force);
};

export async function orderCmd(cli: Cli, argv: string[]): Promise<void> {
  const [sub, ...rest] = argv.length ? argv : ['config'];
  switch (sub) {
    case 'set':
      return setCmd('order')(cli, rest);
    case 'remove':
    case 'delete':
      cli.mods.ensureOnlySupported(['-f']);
      if (!rest.length) throw new CmdLineInputError();
      orderRemoveByResources(cli.env, rest);
      return;
    case 'show':
      cli.deprecated("use 'pcs constraint order config'");
      return orderConfig(cli, rest);
    case 'config':
      return orderConfig(cli, rest);
    default: {
      cli.mods.ensureOnlySupported(['-f', '--force']);
      const words = [sub!, ...rest];
      if (words.length < 3) throw new CmdLineInputError();
      let firstAction = 'start';
      let thenAction = 'start';
      if (ORDER_ACTIONS.includes(words[0]!)) firstAction = words.shift()!;
      const first = words.shift()!;
      if (words.shift() !== 'then' || !words.length) throw new CmdLineInputError();
      if (ORDER_ACTIONS.includes(words[0]!)) thenAction = words.shift()!;
      if (!words.length) throw new CmdLineInputError();
      const then = words.shift()!;
      if (words.includes('then')) {
        throw new CmdLineInputError("give one 'then': use 'pcs constraint order set' to order more than two resources", undefined, true);
      }
      orderAdd(cli.env, { first, firstAction, then, thenAction, options: words, force: cli.mods.force });
    }
  }
}

function role(cli: Cli, text: string): string {
  const cap = text.charAt(0).toUpperCase() + text.slice(1).toLowerCase();
  if (!ROLES.includes(cap)) throw new CmdLineInputError(`'${text}' is not a role; use ${[...ROLES].sort().map((r) => `'${r}'`).join(', ')}`);
  if (cap === 'Master' || cap === 'Slave') cli.deprecated(`role '${text}' is the old name; use '${cap === 'Master' ? 'Promoted' : 'Unpromoted'}'`);
  return cap === 'Master' ? 'Promoted' : cap === 'Slave' ? 'Unpromoted' : cap;
}

const isScoreOrOption = (w: string) => isScore(w) || w.includes('=');

export async function colocationAddCmd(cli: Cli, argv: string[]): Promise<void> {
  cli.mods.ensureOnlySupported(['-f', '--force']);
  if (argv.length < 2) throw new CmdLineInputError();
  let words = [...argv];
  if (!words.includes('with')) {
    // pcs 0.9 wrote 'colocation add A B [SCORE]'; pcs 0.11 requires 'with'.
    const roleFirst = words.length >= 3 && ROLES.includes(cap(words[0]!)) && !isScoreOrOption(words[2]!);
    const at = roleFirst ? 2 : 1;
    words = [...words.slice(0, at), 'with', ...words.slice(at)];
    cli.legacyForm(`constraint colocation add ${argv.join(' ')}`, `constraint colocation add ${words.join(' ')}`);
  }
  if (words.length < 3) throw new CmdLineInputError();
  let rscRole: string | undefined;
  let rsc: string;
  if (words[2] === 'with') {
    rscRole = role(cli, words.shift()!);
    rsc = words.shift()!;
  } else if (words[1] === 'with') {
    rsc = words.shift()!;
  } else throw new CmdLineInputError();
  if (words.shift() !== 'with') throw new CmdLineInputError();
  if (words.includes('with')) throw new CmdLineInputError("give one 'with': use 'pcs constraint colocation set' for more than two resources", undefined, true);
  if (!words.length) throw new CmdLineInputError();
  let withRscRole: string | undefined;
  let withRsc: string;
  if (words.length === 1 || isScoreOrOption(words[1]!)) withRsc = words.shift()!;
  else {
    withRscRole = role(cli, words.shift()!);
    withRsc = words.shift()!;
  }
  let score = 'INFINITY';
  if (words.length && !words[0]!.includes('=')) score = words.shift()!;
  const options = words.map((w) => splitOption(w, false));
  colocationAdd(cli.env, { rsc, rscRole, withRsc, withRscRole, score, options, force: cli.mods.force });
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1).toLowerCase();

export async function colocationRemoveCmd(cli: Cli, argv: string[]): Promise<void> {
  cli.mods.ensureOnlySupported(['-f']);
  if (argv.length < 2) throw new CmdLineInputError();
  colocationRemove(cli.env, argv[0]!, argv[1]!);
}

export const colocationSet = setCmd('colocation');
export const ticketSet = setCmd('ticket');

export async function ticketAddCmd(cli: Cli, argv: string[]): Promise<void> {
  cli.mods.ensureOnlySupported(['--force', '-f']);
  const firstOption = argv.findIndex((a) => a.includes('='));
  const info = firstOption < 0 ? argv : argv.slice(0, firstOption);
  const optionWords = firstOption < 0 ? [] : argv.slice(firstOption);
  if (!info.length) throw new CmdLineInputError('name the ticket');
  const [ticket, ...spec] = info as [string, ...string[]];
  if (spec.length !== 1 && spec.length !== 2) throw new CmdLineInputError(`'${spec.join(' ')}' is not a resource (give [ROLE] RESOURCE)`);
  const options = Object.fromEntries(prepareOptions(optionWords));
  if ('rsc-role' in options) throw new CmdLineInputError('give the role before the resource, not as rsc-role');
  if (spec.length === 2) options['rsc-role'] = spec[0]!;
  ticketAdd(cli.env, ticket, spec[spec.length - 1]!, options, cli.mods.force);
}

export async function ticketRemoveCmd(cli: Cli, argv: string[]): Promise<void> {
  cli.mods.ensureOnlySupported(['-f']);
  if (argv.length !== 2) throw new CmdLineInputError();
  if (!ticketRemove(cli.env, argv[0]!, argv[1]!)) throw new CmdLineInputError('no ticket constraint ties that ticket to that resource');
}

export async function constraintRemoveCmd(cli: Cli, argv: string[]): Promise<void> {
  cli.mods.ensureOnlySupported(['-f']);
  if (!argv.length) throw new CmdLineInputError();
  removeConstraintsById(cli.env, argv);
}

export async function constraintRefCmd(cli: Cli, argv: string[]): Promise<void> {
  cli.mods.ensureOnlySupported(['-f']);
  if (!argv.length) throw new CmdLineInputError();
  for (const r of constraintRefs(cli.env, argv)) {
    cli.print(`Resource: ${r.resource}`);
    if (!r.plain.length && !r.sets.length) cli.print('  No Matches.');
    else {
      for (const c of r.plain) cli.print('  ' + c);
      for (const c of [...r.sets].sort()) cli.print('  ' + c);
    }
  }
}

/** `constraint rule add CONSTRAINT_ID [id=] [role=] [score=|score-attribute=] EXPRESSION`, `rule remove RULE_ID`. */
export async function ruleCmd(cli: Cli, argv: string[]): Promise<void> {
  if (argv.length < 2) throw new CmdLineInputError();
  const [sub, ...rest] = argv;
  if (sub === 'add') {
    cli.mods.ensureOnlySupported(['-f', '--force']);
    const { options, rule } = splitRuleOptions(rest.slice(1));
    locationRuleAdd(cli.env, rest[0]!, options, rule, cli.mods.force);
    return;
  }
  if (sub === 'remove' || sub === 'delete') {
    cli.mods.ensureOnlySupported(['-f']);
    const r = locationRuleRemove(cli.env, rest[0]!);
    cli.io.err(r.removed === 'rule' ? `Removing rule '${r.id}'\n` : `Removing constraint '${r.id}' (its last rule)\n`);
    return;
  }
  throw new CmdLineInputError();
}
