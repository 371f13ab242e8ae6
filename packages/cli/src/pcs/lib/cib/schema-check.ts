// What Pacemaker's schema would refuse in what pcs writes, checked before a CIB is written:
// pcs pushes through cibadmin, which validates, so a command that would produce an invalid
// CIB fails there. We check the rules our commands can break (ids, enumerated values, scores)
// without the cost of a full RelaxNG validation on every command.

import type { Cib } from '@hacluster/cib';

export interface SchemaProblem {
  element: string;
  id: string | undefined;
  attribute: string;
  value: string;
  expected: string;
}

/** Elements whose id attribute refers to something (IDREF or free text), not an XML ID. */
const NOT_ID = new Set(['acl_target', 'role', 'obj_ref', 'resource_ref']);
const NCNAME = /^[\p{L}_][\p{L}\p{N}._\-\u00B7\u0300-\u036F\u203F-\u2040]*$/u;
const SCORE = /^([+-]?[0-9]+|[+-]?INFINITY)$/;
const ROLES = ['Stopped', 'Started', 'Promoted', 'Unpromoted', 'Master', 'Slave'];
const ACTIONS = ['start', 'stop', 'promote', 'demote'];
const BOOLEAN = /^(true|false|yes|no|on|off|y|n|1|0)$/i;

type Rule = { attribute: string; ok: (v: string) => boolean; expected: string };
const enumRule = (attribute: string, values: string[]): Rule => ({ attribute, ok: (v) => values.includes(v), expected: values.join(', ') });
const scoreRule: Rule = { attribute: 'score', ok: (v) => SCORE.test(v), expected: 'an integer, INFINITY or -INFINITY' };

const RULES: Record<string, Rule[]> = {
  rsc_order: [
    enumRule('kind', ['Optional', 'Mandatory', 'Serialize']),
    enumRule('first-action', ACTIONS),
    enumRule('then-action', ACTIONS),
    { attribute: 'symmetrical', ok: (v) => BOOLEAN.test(v), expected: 'true or false' },
    scoreRule,
  ],
  rsc_colocation: [scoreRule, enumRule('rsc-role', ROLES), enumRule('with-rsc-role', ROLES)],
  rsc_location: [scoreRule, enumRule('role', ROLES), enumRule('resource-discovery', ['always', 'never', 'exclusive'])],
  rsc_ticket: [enumRule('loss-policy', ['stop', 'demote', 'fence', 'freeze']), enumRule('rsc-role', ROLES)],
  rule: [scoreRule, enumRule('role', ROLES), enumRule('boolean-op', ['and', 'or'])],
  resource_set: [enumRule('role', ROLES), enumRule('action', ACTIONS)],
  op: [enumRule('role', ROLES)],
};

export function schemaProblems(cib: Cib): SchemaProblem[] {
  const out: SchemaProblem[] = [];
  const seen = new Set<string>();
  const configuration = cib.root.first('configuration');
  if (!configuration) return out;
  for (const el of configuration.descendants()) {
    const id = el.get('id');
    if (id !== undefined && !NOT_ID.has(el.name)) {
      if (!NCNAME.test(id)) out.push({ element: el.name, id, attribute: 'id', value: id, expected: 'a valid XML id' });
      else if (seen.has(id)) out.push({ element: el.name, id, attribute: 'id', value: id, expected: 'an id not used elsewhere' });
      seen.add(id);
    }
    for (const r of RULES[el.name] ?? []) {
      const v = el.get(r.attribute);
      if (v !== undefined && !r.ok(v)) out.push({ element: el.name, id, attribute: r.attribute, value: v, expected: r.expected });
    }
  }
  return out;
}
