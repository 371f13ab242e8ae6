// The rule language of pcs's newer commands (`resource defaults set create … rule …`):
//   date gt|lt DATE | date in_range [DATE] to DATE|duration PARTS | date-spec PARTS
//   | defined|not_defined ATTR | ATTR OP [TYPE] VALUE | resource [STD]:[PROV]:[TYPE]
//   | op NAME [interval=N] | ( … ) | X and|or Y
// Keywords are case-insensitive; and/or bind equally, left to right, and runs of the same
// operator make one group.

export type RuleExpr =
  | { kind: 'bool'; op: 'AND' | 'OR'; children: RuleExpr[] }
  | { kind: 'date-unary'; op: 'GT' | 'LT'; date: string }
  | { kind: 'date-in-range'; start: string | undefined; end: string | undefined; duration: [string, string][] | undefined }
  | { kind: 'datespec'; parts: [string, string][] }
  | { kind: 'node-attr'; op: string; attr: string; value: string | undefined; type: string | undefined }
  | { kind: 'op'; name: string; interval: string | undefined }
  | { kind: 'rsc'; standard: string | undefined; provider: string | undefined; type: string | undefined };

export class RuleParseError extends Error {
  constructor(
    readonly rule: string,
    readonly position: number,
    message: string,
  ) {
    super(message);
  }
}

const BINARY = ['eq', 'ne', 'gte', 'gt', 'lte', 'lt'];
const TYPES = ['integer', 'number', 'string', 'version'];
const PART = /^([^=\s()]+)=([^\s()]+)$/;

function tokenize(text: string): { word: string; pos: number }[] {
  const out: { word: string; pos: number }[] = [];
  const re = /[()]|[^\s()]+/g;
  for (let m = re.exec(text); m; m = re.exec(text)) out.push({ word: m[0], pos: m.index });
  return out;
}

export function parseRule(text: string): RuleExpr {
  if (!text.trim()) return { kind: 'bool', op: 'AND', children: [] };
  const tokens = tokenize(text);
  let i = 0;
  const peek = () => tokens[i]?.word;
  const is = (w: string) => peek()?.toLowerCase() === w;
  const fail = (expected: string): never => {
    const t = tokens[i];
    throw new RuleParseError(text, t ? t.pos : text.length, t ? `expected ${expected}, found '${t.word}'` : `expected ${expected} at the end`);
  };
  const take = () => tokens[i++]!.word;
  const parts = (): [string, string][] => {
    const out: [string, string][] = [];
    for (let m = PART.exec(peek() ?? ''); m; m = PART.exec(peek() ?? '')) {
      out.push([m[1]!, m[2]!]);
      i++;
    }
    if (!out.length) fail('name=value');
    return out;
  };
  const simple = (): RuleExpr => {
    const w = peek();
    if (w === undefined) return fail('an expression');
    const lw = w.toLowerCase();
    if (w === '(') {
      i++;
      const e = boolExpr();
      if (peek() !== ')') fail("')'");
      i++;
      return e;
    }
    if (lw === 'date' && tokens[i + 1]) {
      const op = tokens[i + 1]!.word.toLowerCase();
      if (op === 'gt' || op === 'lt') {
        i += 2;
        const date = peek();
        if (date === undefined || date === '(' || date === ')') return fail('a date');
        i++;
        return { kind: 'date-unary', op: op === 'gt' ? 'GT' : 'LT', date };
      }
      if (op === 'in_range') {
        i += 2;
        let start: string | undefined;
        if (!is('to')) {
          start = peek();
          if (start === undefined) return fail("a date or 'to'");
          i++;
        }
        if (!is('to')) fail("'to'");
        i++;
        if (is('duration')) {
          i++;
          return { kind: 'date-in-range', start, end: undefined, duration: parts() };
        }
        const end = peek();
        if (end === undefined || end === '(' || end === ')') return fail("a date or 'duration'");
        i++;
        return { kind: 'date-in-range', start, end, duration: undefined };
      }
    }
    if (lw === 'date-spec') {
      i++;
      return { kind: 'datespec', parts: parts() };
    }
    if (lw === 'defined' || lw === 'not_defined') {
      i++;
      const attr = peek();
      if (attr === undefined || attr === '(' || attr === ')') return fail('an attribute name');
      i++;
      return { kind: 'node-attr', op: lw.toUpperCase(), attr, value: undefined, type: undefined };
    }
    if (lw === 'resource') {
      i++;
      const m = /^([^\s:()]+)?:([^\s:()]+)?:([^\s:()]+)?$/.exec(peek() ?? '');
      if (!m) return fail('a resource name (standard:provider:type)');
      i++;
      return { kind: 'rsc', standard: m[1] || undefined, provider: m[2] || undefined, type: m[3] || undefined };
    }
    if (lw === 'op') {
      i++;
      const name = peek();
      if (name === undefined || name === '(' || name === ')') return fail('an operation name');
      i++;
      let interval: string | undefined;
      const m = /^interval=([0-9]+[a-zA-Z]*)$/i.exec(peek() ?? '');
      if (m) {
        interval = m[1];
        i++;
      }
      return { kind: 'op', name, interval };
    }
    if (w !== '(' && w !== ')' && tokens[i + 1] && BINARY.includes(tokens[i + 1]!.word.toLowerCase())) {
      const attr = take();
      const op = take().toLowerCase();
      let type: string | undefined;
      if (peek() && TYPES.includes(peek()!.toLowerCase()) && tokens[i + 1] && tokens[i + 1]!.word !== ')') type = take().toLowerCase();
      const value = peek();
      if (value === undefined || value === '(' || value === ')') return fail('a value');
      i++;
      return { kind: 'node-attr', op: op.toUpperCase(), attr, value, type: type?.toUpperCase() };
    }
    return fail('an expression');
  };
  const boolExpr = (): RuleExpr => {
    let left = simple();
    let lastOp: 'AND' | 'OR' | undefined;
    let operands: RuleExpr[] = [];
    while (is('and') || is('or')) {
      const op = take().toLowerCase() === 'and' ? 'AND' : 'OR';
      const right = simple();
      if (lastOp === undefined || lastOp === op) operands.push(right);
      else {
        left = { kind: 'bool', op: lastOp, children: [left, ...operands] };
        operands = [right];
      }
      lastOp = op;
    }
    if (operands.length && lastOp) left = { kind: 'bool', op: lastOp, children: [left, ...operands] };
    return left;
  };
  const tree = boolExpr();
  if (i < tokens.length) fail("'and', 'or' or the end of the rule");
  return tree.kind === 'bool' ? tree : { kind: 'bool', op: 'AND', children: [tree] };
}

const DATE_PARTS = ['hours', 'monthdays', 'weekdays', 'yeardays', 'months', 'weeks', 'years', 'weekyears', 'moon'];

export type RuleProblem =
  | { kind: 'not-allowed'; expression: 'op' | 'resource' | 'node attribute' }
  | { kind: 'bad-value'; name: string; value: string; expected: string };

/** What a rule may not contain where it is used, and values that are not valid. */
export function validateRule(tree: RuleExpr, allow: { rsc: boolean; op: boolean; nodeAttr: boolean }): RuleProblem[] {
  const out: RuleProblem[] = [];
  const notAllowed = new Set<'op' | 'resource' | 'node attribute'>();
  const walk = (e: RuleExpr) => {
    switch (e.kind) {
      case 'bool':
        e.children.forEach(walk);
        return;
      case 'op':
        if (!allow.op) notAllowed.add('op');
        return;
      case 'rsc':
        if (!allow.rsc) notAllowed.add('resource');
        return;
      case 'node-attr':
        if (!allow.nodeAttr) notAllowed.add('node attribute');
        if (e.type === 'INTEGER' && e.value !== undefined && !/^[-+]?[0-9]+$/.test(e.value)) out.push({ kind: 'bad-value', name: 'integer', value: e.value, expected: 'an integer' });
        if (e.type === 'NUMBER' && e.value !== undefined && !Number.isFinite(Number(e.value))) out.push({ kind: 'bad-value', name: 'number', value: e.value, expected: 'a number' });
        if (e.type === 'VERSION' && e.value !== undefined && !/^[0-9]+(\.[0-9]+)*$/.test(e.value)) out.push({ kind: 'bad-value', name: 'version', value: e.value, expected: 'a version' });
        return;
      case 'datespec':
      case 'date-in-range':
        for (const [k, v] of (e.kind === 'datespec' ? e.parts : (e.duration ?? []))) {
          if (!DATE_PARTS.includes(k)) out.push({ kind: 'bad-value', name: k, value: v, expected: `one of ${DATE_PARTS.join(', ')}` });
          else if (!/^[0-9]+(-[0-9]+)?$/.test(v)) out.push({ kind: 'bad-value', name: k, value: v, expected: 'a number or a range (N-M)' });
        }
        return;
      default:
        return;
    }
  };
  walk(tree);
  for (const n of notAllowed) out.unshift({ kind: 'not-allowed', expression: n });
  return out;
}
