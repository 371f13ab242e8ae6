// `pcs acl …`: config, enable/disable, role, user, group, permission.

import { aclConfig, aclHolderCreate, aclHolderDelete, aclPermissionAdd, aclPermissionDelete, aclRoleAssign, aclRoleCreate, aclRoleDelete, aclRoleUnassign, type Holder, type Permission } from '../../lib/commands/acl.js';
import { allCrmConfigPairs } from '../../lib/commands/config-summary.js';
import { setProperties } from '../../lib/commands/property.js';
import { isTrue } from '../../lib/pacemaker/values.js';
import type { Cli, Handler } from '../context.js';
import { CmdLineInputError } from '../errors.js';
import { router } from '../router.js';
import { indent } from '../text.js';

function permissions(words: readonly string[]): Permission[] {
  if (words.length % 3 !== 0) throw new CmdLineInputError('permissions come in threes: read|write|deny xpath|id VALUE');
  const out: Permission[] = [];
  for (let i = 0; i < words.length; i += 3) {
    const kind = words[i]!.toLowerCase();
    const scopeType = words[i + 1]!.toLowerCase();
    if (!['read', 'write', 'deny'].includes(kind) || !['xpath', 'id'].includes(scopeType)) {
      throw new CmdLineInputError(`'${words[i]} ${words[i + 1]}' is not a permission; write read|write|deny xpath|id VALUE`);
    }
    out.push({ kind, scopeType, scope: words[i + 2]! });
  }
  return out;
}

export function aclLines(cli: Cli): string[] {
  const enabled = isTrue(allCrmConfigPairs(cli.env).get('enable-acl') ?? 'false');
  const c = aclConfig(cli.env);
  const lines = [enabled ? 'ACLs are enabled' : "ACLs are disabled, run 'pcs acl enable' to enable", ''];
  for (const u of c.users) lines.push(`User: ${u.id}`, ...indent([['Roles:', ...u.roles].join(' ')]));
  for (const g of c.groups) lines.push(`Group: ${g.id}`, ...indent([['Roles:', ...g.roles].join(' ')]));
  for (const r of c.roles) {
    const body = r.description ? [`Description: ${r.description}`] : [];
    for (const p of r.permissions) {
      const scope = p.xpath !== undefined ? `xpath ${p.xpath}` : p.reference !== undefined ? `id ${p.reference}` : '';
      body.push(['Permission:', p.kind, ...(scope ? [scope] : []), `(${p.id})`].join(' '));
    }
    lines.push(`Role: ${r.id}`, ...indent(body));
  }
  return lines;
}

async function config(cli: Cli, argv: string[]): Promise<void> {
  cli.mods.ensureOnlySupported(['-f']);
  if (argv.length) throw new CmdLineInputError();
  const lines = aclLines(cli);
  // pcs prints an empty line after the enabled/disabled line, and then nothing when there are no ACLs.
  cli.print(...lines);
}

const toggle = (value: 'true' | 'false'): Handler => async (cli, argv) => {
  cli.mods.ensureOnlySupported(['-f']);
  if (argv.length) throw new CmdLineInputError();
  setProperties(cli.env, [['enable-acl', value]], false);
};

async function roleCreate(cli: Cli, argv: string[]): Promise<void> {
  cli.mods.ensureOnlySupported(['-f']);
  if (!argv.length) throw new CmdLineInputError();
  const [id, ...rest] = argv;
  let description = '';
  if (rest[0]?.startsWith('description=') && rest[0].length > 'description='.length) description = rest.shift()!.slice('description='.length);
  aclRoleCreate(cli.env, id!, permissions(rest), description);
}

async function roleDelete(cli: Cli, argv: string[]): Promise<void> {
  cli.mods.ensureOnlySupported(['-f', '--autodelete']);
  if (argv.length !== 1) throw new CmdLineInputError();
  aclRoleDelete(cli.env, argv[0]!, cli.mods.is('--autodelete'));
}

/** ROLE [to|from] [user|group] NAME: without user/group, a user of that name is meant first. */
function assignArgs(argv: readonly string[], keyword: string): { role: string; kind: Holder; holder: string } {
  if (argv.length === 2) return { role: argv[0]!, kind: 'either', holder: argv[1]! };
  if (argv.length === 3) {
    const [role, word, holder] = argv as [string, string, string];
    if (word === keyword) return { role, kind: 'either', holder };
    if (word === 'user' || word === 'group') return { role, kind: word, holder };
  }
  if (argv.length === 4 && argv[1] === keyword && (argv[2] === 'user' || argv[2] === 'group')) return { role: argv[0]!, kind: argv[2], holder: argv[3]! };
  throw new CmdLineInputError();
}

async function roleAssign(cli: Cli, argv: string[]): Promise<void> {
  cli.mods.ensureOnlySupported(['-f']);
  const a = assignArgs(argv, 'to');
  aclRoleAssign(cli.env, a.role, a.kind, a.holder);
}

async function roleUnassign(cli: Cli, argv: string[]): Promise<void> {
  cli.mods.ensureOnlySupported(['-f', '--autodelete']);
  const a = assignArgs(argv, 'from');
  aclRoleUnassign(cli.env, a.role, a.kind, a.holder, cli.mods.is('--autodelete'));
}

const holderCreate = (kind: 'user' | 'group'): Handler => async (cli, argv) => {
  cli.mods.ensureOnlySupported(['-f']);
  if (!argv.length) throw new CmdLineInputError();
  aclHolderCreate(cli.env, kind, argv[0]!, argv.slice(1));
};

const holderDelete = (kind: 'user' | 'group'): Handler => async (cli, argv) => {
  cli.mods.ensureOnlySupported(['-f']);
  if (argv.length !== 1) throw new CmdLineInputError();
  aclHolderDelete(cli.env, kind, argv[0]!);
};

async function permissionAdd(cli: Cli, argv: string[]): Promise<void> {
  cli.mods.ensureOnlySupported(['-f']);
  if (argv.length < 4) throw new CmdLineInputError();
  aclPermissionAdd(cli.env, argv[0]!, permissions(argv.slice(1)));
}

async function permissionDelete(cli: Cli, argv: string[]): Promise<void> {
  cli.mods.ensureOnlySupported(['-f']);
  if (argv.length !== 1) throw new CmdLineInputError();
  aclPermissionDelete(cli.env, argv[0]!);
}

export const aclRouter = router(
  {
    config,
    show: async (cli, argv) => {
      cli.deprecated("use 'pcs acl config'");
      await config(cli, argv);
    },
    enable: toggle('true'),
    disable: toggle('false'),
    role: router({ create: roleCreate, delete: roleDelete, remove: roleDelete, assign: roleAssign, unassign: roleUnassign }, ['acl', 'role']),
    user: router({ create: holderCreate('user'), delete: holderDelete('user'), remove: holderDelete('user') }, ['acl', 'user']),
    group: router({ create: holderCreate('group'), delete: holderDelete('group'), remove: holderDelete('group') }, ['acl', 'group']),
    permission: router({ add: permissionAdd, delete: permissionDelete, remove: permissionDelete }, ['acl', 'permission']),
  },
  ['acl'],
  'config',
);
