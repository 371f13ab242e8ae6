// Constraints as pcs lists them: "start a then start b (kind:Mandatory) (id:…)",
// "b with a (score:INFINITY)", "a loss-policy=stop ticket=T1", "set a b … setoptions …".

import type { ExportedConstraint } from '../../lib/cib/constraint/common.js';

const sorted = (o: Record<string, string>) => Object.entries(o).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
const isTrue = (v: string) => ['true', 'on', 'yes', 'y', '1'].includes(v.toLowerCase());

const optionWords = (o: Record<string, string>) => sorted(o).filter(([k]) => k !== 'id').map(([k, v]) => `${k}=${v}`);
const idWord = (o: Record<string, string>) => `(id:${o['id'] ?? ''})`;

export function orderPlain(c: ExportedConstraint, withId: boolean): string {
  const o = c.options;
  const kind = o['kind'] ?? '';
  const score = o['score'] ?? '';
  const scoreText = kind ? `(kind:${kind})` : score ? `(score:${score})` : '(kind:Mandatory)';
  const sym = 'symmetrical' in o && !isTrue(o['symmetrical'] ?? 'false') ? '(non-symmetrical)' : '';
  const done = new Set(['first', 'then', 'first-action', 'then-action', 'id', 'score', 'kind', 'symmetrical']);
  const rest = Object.entries(o).filter(([k]) => !done.has(k)).map(([k, v]) => `${k}=${v}`).join(' ');
  return [o['first-action'] ?? '', o['first'] ?? '', 'then', o['then-action'] ?? '', o['then'] ?? '', scoreText, sym, rest ? `(Options: ${rest})` : '', withId ? `(id:${o['id'] ?? ''})` : '']
    .filter((x) => x)
    .join(' ');
}

export function colocationPlain(c: ExportedConstraint, withId: boolean): string {
  const o = c.options;
  const extra = sorted(o).filter(([k]) => !['rsc', 'with-rsc', 'id', 'score'].includes(k)).map(([k, v]) => `(${k}:${v})`);
  if (withId) extra.push(`(id:${o['id'] ?? ''})`);
  return [o['rsc'] ?? '', 'with', o['with-rsc'] ?? '', `(score:${o['score'] ?? ''})`, ...extra].join(' ');
}

export function ticketPlain(c: ExportedConstraint, withId: boolean): string {
  const o = c.options;
  const role = o['rsc-role'];
  const rest = Object.fromEntries(Object.entries(o).filter(([k]) => k !== 'rsc-role' && k !== 'rsc'));
  return (role ? `${role} ` : '') + [o['rsc'] ?? '', ...optionWords(rest), ...(withId ? [idWord(rest)] : [])].join(' ');
}

export function withSets(c: ExportedConstraint, withId: boolean): string {
  const parts: string[] = [];
  for (const s of c.resource_sets ?? []) {
    parts.push('set', ...s.ids, ...optionWords(s.options));
    if (withId) parts.push(idWord(s.options));
  }
  const opts = optionWords(c.options);
  if (opts.length) parts.push('setoptions', ...opts);
  if (withId) parts.push(idWord(c.options));
  return parts.join(' ');
}

export function constraintToText(tag: string, c: ExportedConstraint, withId: boolean): string {
  if (c.resource_sets) return withSets(c, withId);
  if (tag === 'rsc_order') return orderPlain(c, withId);
  if (tag === 'rsc_colocation') return colocationPlain(c, withId);
  if (tag === 'rsc_ticket') return ticketPlain(c, withId);
  return `${tag} ${[...optionWords(c.options), ...(withId ? [idWord(c.options)] : [])].join(' ')}`;
}
