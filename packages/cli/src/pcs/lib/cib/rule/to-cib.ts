// A parsed rule (parser.ts) written as <rule>/<expression>/… elements.

import { XmlElement } from '@hacluster/cib';
import { append, type IdProvider, subelementId } from '../tools.js';
import type { RuleExpr } from './parser.js';

export function ruleToCib(parent: XmlElement, ids: IdProvider, tree: RuleExpr): XmlElement {
  const el = exportPart(parent, ids, tree);
  if (tree.kind === 'bool') el.set('score', 'INFINITY');
  return el;
}

function child(parent: XmlElement, name: string, attrs: Record<string, string | undefined>): XmlElement {
  return append(parent, XmlElement.create(name, attrs));
}

function exportPart(parent: XmlElement, ids: IdProvider, e: RuleExpr): XmlElement {
  switch (e.kind) {
    case 'bool': {
      const el = child(parent, 'rule', { id: subelementId(parent, 'rule', ids), 'boolean-op': e.op.toLowerCase(), score: '0' });
      for (const c of e.children) exportPart(el, ids, c);
      return el;
    }
    case 'date-in-range': {
      const el = child(parent, 'date_expression', { id: subelementId(parent, 'expr', ids), operation: 'in_range' });
      if (e.start) el.set('start', e.start);
      if (e.duration) child(el, 'duration', { ...Object.fromEntries(e.duration), id: subelementId(el, 'duration', ids) });
      else if (e.end) el.set('end', e.end);
      return el;
    }
    case 'datespec': {
      const el = child(parent, 'date_expression', { id: subelementId(parent, 'expr', ids), operation: 'date_spec' });
      child(el, 'date_spec', { ...Object.fromEntries(e.parts), id: subelementId(el, 'datespec', ids) });
      return el;
    }
    case 'date-unary': {
      const el = child(parent, 'date_expression', { id: subelementId(parent, 'expr', ids), operation: e.op.toLowerCase() });
      el.set(e.op === 'GT' ? 'start' : 'end', e.date);
      return el;
    }
    case 'node-attr': {
      const el = child(parent, 'expression', { id: subelementId(parent, 'expr', ids), attribute: e.attr, operation: e.op.toLowerCase() });
      if (e.value) el.set('value', e.value);
      if (e.type) el.set('type', e.type.toLowerCase());
      return el;
    }
    case 'op': {
      const el = child(parent, 'op_expression', { id: subelementId(parent, `op-${e.name}`, ids), name: e.name });
      if (e.interval) el.set('interval', e.interval);
      return el;
    }
    case 'rsc': {
      const idPart = [e.standard, e.provider, e.type].filter((x) => x).join('-');
      const el = child(parent, 'rsc_expression', { id: subelementId(parent, `rsc-${idPart}`, ids) });
      if (e.standard) el.set('class', e.standard);
      if (e.provider) el.set('provider', e.provider);
      if (e.type) el.set('type', e.type);
      return el;
    }
  }
}
