// Scheduler problems are values with a code and the offending item; text is made only at the edge.

export type SchedulerProblem =
  | { code: 'UNSUPPORTED_VARIANT'; variant: string }
  | { code: 'UNSUPPORTED_FEATURE'; feature: string; id: string }
  | { code: 'NOT_A_CIB'; found: string }
  | { code: 'INVALID_DATE'; value: string }
  | { code: 'INVALID_INJECTION'; spec: string; reason: string }
  | { code: 'UNKNOWN_RESOURCE'; id: string };

export function renderSchedulerProblem(p: SchedulerProblem): string {
  switch (p.code) {
    case 'UNSUPPORTED_VARIANT':
      return `${p.variant} resources are not supported by this scheduler yet`;
    case 'UNSUPPORTED_FEATURE':
      return `${p.id}: ${p.feature} are not supported by this scheduler yet`;
    case 'NOT_A_CIB':
      return `the input is not a CIB (root element <${p.found}>)`;
    case 'INVALID_DATE':
      return `invalid date/time '${p.value}'`;
    case 'INVALID_INJECTION':
      return `invalid injection '${p.spec}': ${p.reason}`;
    case 'UNKNOWN_RESOURCE':
      return `no resource named '${p.id}'`;
  }
}

export class SchedulerError extends Error {
  readonly problem: SchedulerProblem;
  constructor(problem: SchedulerProblem) {
    super(renderSchedulerProblem(problem));
    this.name = 'SchedulerError';
    this.problem = problem;
  }
  get code(): SchedulerProblem['code'] {
    return this.problem.code;
  }
}
