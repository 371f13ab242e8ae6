// Command-line parsing for crm_simulate, with upstream's option names (GLib style: short options
// may be bundled, values may be attached or separate, long options take "=value" or the next
// word). Parsing only turns words into options; the work is done by the policy engine.

export interface CrmSimulateArgs {
  xmlFile: string | undefined;
  xmlPipe: boolean;
  liveCheck: boolean;
  process: boolean;
  simulate: boolean;
  inPlace: boolean;
  showScores: boolean;
  showUtilization: boolean;
  showPending: boolean;
  quiet: boolean;
  verbose: number;
  allActions: boolean;
  useDate: string | undefined;
  nodeUp: string[];
  nodeDown: string[];
  nodeFail: string[];
  opInject: string[];
  opFail: string[];
  quorum: string | undefined;
  watchdog: string | undefined;
  saveInput: string | undefined;
  saveOutput: string | undefined;
  saveGraph: string | undefined;
  saveDotfile: string | undefined;
  help: boolean;
  version: boolean;
}

export type ParseProblem =
  | { code: 'UNKNOWN_OPTION'; option: string }
  | { code: 'MISSING_VALUE'; option: string }
  | { code: 'UNSUPPORTED_OPTION'; option: string; what: string }
  | { code: 'UNEXPECTED_ARGUMENT'; argument: string };

export type ParseResult = { ok: true; args: CrmSimulateArgs } | { ok: false; problem: ParseProblem };

interface OptionDef {
  short?: string;
  long: string;
  takesValue: boolean;
  apply: (a: CrmSimulateArgs, value: string) => void;
}

const flag = (short: string | undefined, long: string, apply: (a: CrmSimulateArgs) => void): OptionDef => ({
  short,
  long,
  takesValue: false,
  apply: (a) => apply(a),
});

const withValue = (short: string | undefined, long: string, apply: (a: CrmSimulateArgs, v: string) => void): OptionDef => ({
  short,
  long,
  takesValue: true,
  apply,
});

/** Options crm_simulate has that this implementation does not (yet), with what they do. */
const UNSUPPORTED: Record<string, string> = {
  A: 'showing node attributes',
  'show-attrs': 'showing node attributes',
  c: 'showing fail counts',
  'show-failcounts': 'showing fail counts',
  P: 'profiling a directory of inputs',
  profile: 'profiling a directory of inputs',
  N: 'repeated profiling',
  repeat: 'repeated profiling',
  g: 'ticket injection',
  'ticket-grant': 'ticket injection',
  r: 'ticket injection',
  'ticket-revoke': 'ticket injection',
  b: 'ticket injection',
  'ticket-standby': 'ticket injection',
  e: 'ticket injection',
  'ticket-activate': 'ticket injection',
};

const OPTIONS: OptionDef[] = [
  withValue('x', 'xml-file', (a, v) => {
    a.xmlFile = v;
    a.xmlPipe = false;
  }),
  flag('p', 'xml-pipe', (a) => {
    a.xmlPipe = true;
    a.xmlFile = undefined;
  }),
  flag('L', 'live-check', (a) => {
    a.liveCheck = true;
  }),
  flag('R', 'run', (a) => {
    a.process = true;
  }),
  flag('S', 'simulate', (a) => {
    a.process = true;
    a.simulate = true;
  }),
  flag('X', 'in-place', (a) => {
    a.inPlace = true;
    a.process = true;
    a.simulate = true;
  }),
  flag('s', 'show-scores', (a) => {
    a.process = true;
    a.showScores = true;
  }),
  flag('U', 'show-utilization', (a) => {
    a.process = true;
    a.showUtilization = true;
  }),
  flag('j', 'pending', (a) => {
    a.showPending = true;
  }),
  flag('Q', 'quiet', (a) => {
    a.quiet = true;
  }),
  flag('V', 'verbose', (a) => {
    a.verbose++;
  }),
  flag('a', 'all-actions', (a) => {
    a.allActions = true;
  }),
  withValue('t', 'set-datetime', (a, v) => {
    a.useDate = v;
  }),
  withValue('u', 'node-up', (a, v) => {
    a.nodeUp.push(v);
  }),
  withValue('d', 'node-down', (a, v) => {
    a.nodeDown.push(v);
  }),
  withValue('f', 'node-fail', (a, v) => {
    a.nodeFail.push(v);
  }),
  withValue('i', 'op-inject', (a, v) => {
    a.opInject.push(v);
  }),
  withValue('F', 'op-fail', (a, v) => {
    a.opFail.push(v);
    a.process = true;
    a.simulate = true;
  }),
  withValue('q', 'quorum', (a, v) => {
    a.quorum = v;
  }),
  withValue('w', 'watchdog', (a, v) => {
    a.watchdog = v;
  }),
  withValue('I', 'save-input', (a, v) => {
    a.saveInput = v;
  }),
  withValue('O', 'save-output', (a, v) => {
    a.saveOutput = v;
  }),
  withValue('G', 'save-graph', (a, v) => {
    a.saveGraph = v;
    a.process = true;
  }),
  withValue('D', 'save-dotfile', (a, v) => {
    a.saveDotfile = v;
    a.process = true;
  }),
  flag('h', 'help', (a) => {
    a.help = true;
  }),
  flag('$', 'version', (a) => {
    a.version = true;
  }),
];

const BY_SHORT = new Map(OPTIONS.filter((o) => o.short).map((o) => [o.short!, o]));
const BY_LONG = new Map(OPTIONS.map((o) => [o.long, o]));

function defaults(): CrmSimulateArgs {
  return {
    xmlFile: undefined,
    xmlPipe: false,
    liveCheck: false,
    process: false,
    simulate: false,
    inPlace: false,
    showScores: false,
    showUtilization: false,
    showPending: true,
    quiet: false,
    verbose: 0,
    allActions: false,
    useDate: undefined,
    nodeUp: [],
    nodeDown: [],
    nodeFail: [],
    opInject: [],
    opFail: [],
    quorum: undefined,
    watchdog: undefined,
    saveInput: undefined,
    saveOutput: undefined,
    saveGraph: undefined,
    saveDotfile: undefined,
    help: false,
    version: false,
  };
}

export function parseCrmSimulateArgs(argv: readonly string[]): ParseResult {
  const args = defaults();
  for (let i = 0; i < argv.length; i++) {
    const word = argv[i]!;
    if (word.startsWith('--') && word.length > 2) {
      const eq = word.indexOf('=');
      const name = eq < 0 ? word.slice(2) : word.slice(2, eq);
      if (UNSUPPORTED[name] !== undefined) return { ok: false, problem: { code: 'UNSUPPORTED_OPTION', option: `--${name}`, what: UNSUPPORTED[name]! } };
      const def = BY_LONG.get(name);
      if (def === undefined) return { ok: false, problem: { code: 'UNKNOWN_OPTION', option: `--${name}` } };
      if (!def.takesValue) {
        def.apply(args, '');
        continue;
      }
      let value: string | undefined = eq < 0 ? undefined : word.slice(eq + 1);
      if (value === undefined) {
        value = argv[++i];
        if (value === undefined) return { ok: false, problem: { code: 'MISSING_VALUE', option: `--${name}` } };
      }
      def.apply(args, value);
    } else if (word.startsWith('-') && word.length > 1) {
      for (let j = 1; j < word.length; j++) {
        const c = word[j]!;
        if (UNSUPPORTED[c] !== undefined) return { ok: false, problem: { code: 'UNSUPPORTED_OPTION', option: `-${c}`, what: UNSUPPORTED[c]! } };
        const def = BY_SHORT.get(c);
        if (def === undefined) return { ok: false, problem: { code: 'UNKNOWN_OPTION', option: `-${c}` } };
        if (!def.takesValue) {
          def.apply(args, '');
          continue;
        }
        let value: string | undefined = word.slice(j + 1);
        if (value === '') {
          value = argv[++i];
          if (value === undefined) return { ok: false, problem: { code: 'MISSING_VALUE', option: `-${c}` } };
        }
        def.apply(args, value);
        break;
      }
    } else {
      return { ok: false, problem: { code: 'UNEXPECTED_ARGUMENT', argument: word } };
    }
  }
  return { ok: true, args };
}

export function renderParseProblem(p: ParseProblem): string {
  switch (p.code) {
    case 'UNKNOWN_OPTION':
      return `Unknown option ${p.option}`;
    case 'MISSING_VALUE':
      return `Missing argument for ${p.option}`;
    case 'UNSUPPORTED_OPTION':
      return `${p.option} (${p.what}) is not supported by this crm_simulate`;
    case 'UNEXPECTED_ARGUMENT':
      return `Unexpected argument '${p.argument}'`;
  }
}

export const USAGE = `Usage:
  crm_simulate [OPTION…] - simulate a Pacemaker cluster's response to events

Operations:
  -R, --run                 Process the supplied input and show what actions the cluster will take
  -S, --simulate            Like --run, but also simulate taking those actions and show the new status
  -X, --in-place            Like --simulate, but also store the results back to the input file
  -s, --show-scores         Show allocation scores
  -U, --show-utilization    Show utilization information

Synthetic Cluster Events:
  -u, --node-up=NODE        Simulate bringing a node online
  -d, --node-down=NODE      Simulate taking a node offline
  -f, --node-fail=NODE      Simulate a node failing
  -i, --op-inject=OPSPEC    Generate a failure for the cluster to react to in the simulation
  -F, --op-fail=OPSPEC      If the specified task occurs during the simulation, have it fail
  -t, --set-datetime=DATE   Set date/time (ISO 8601)
  -q, --quorum=QUORUM       Set to '1' (or 'true') to indicate the cluster has quorum
  -w, --watchdog=DEVICE     Set to '1' (or 'true') to indicate an active watchdog device

Artifact Options:
  -I, --save-input=FILE     Save the input configuration to the named file
  -O, --save-output=FILE    Save the output configuration to the named file
  -G, --save-graph=FILE     Save the transition graph (XML format) to the named file
  -D, --save-dotfile=FILE   Save the transition graph (DOT format) to the named file
  -a, --all-actions         Display all possible actions in the DOT graph

Data Source:
  -L, --live-check          Use the live cluster's CIB (not available: no cluster is running here)
  -x, --xml-file=FILE       Retrieve XML from the named file
  -p, --xml-pipe            Retrieve XML from stdin

Application Options:
  -Q, --quiet               Display only essential output
  -V, --verbose             Increase debug output
  -h, --help                Show help options
  -$, --version             Display version information

OPSPEC is <resource>_<task>_<interval in ms>@<node>=<rc>
(memcached_monitor_20000@bart.example.com=7, for example).
`;
