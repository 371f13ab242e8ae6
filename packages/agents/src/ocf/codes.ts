// Exit codes of OCF agents (ocf-returncodes, Pacemaker's enum ocf_exitcode) and how Pacemaker
// reads them: anything outside 0-9 and 190/191 is a generic error; a probe's "not installed" or
// "invalid argument" means the resource cannot be running there, so it counts as not running.

export const OCF_SUCCESS = 0;
export const OCF_ERR_GENERIC = 1;
export const OCF_ERR_ARGS = 2;
export const OCF_ERR_UNIMPLEMENTED = 3;
export const OCF_ERR_PERM = 4;
export const OCF_ERR_INSTALLED = 5;
export const OCF_ERR_CONFIGURED = 6;
export const OCF_NOT_RUNNING = 7;
export const OCF_RUNNING_PROMOTED = 8;
export const OCF_FAILED_PROMOTED = 9;
export const OCF_DEGRADED = 190;
export const OCF_DEGRADED_PROMOTED = 191;

export type OcfExitCode = 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 190 | 191;

const NAMES: Record<OcfExitCode, string> = {
  0: 'OCF_SUCCESS',
  1: 'OCF_ERR_GENERIC',
  2: 'OCF_ERR_ARGS',
  3: 'OCF_ERR_UNIMPLEMENTED',
  4: 'OCF_ERR_PERM',
  5: 'OCF_ERR_INSTALLED',
  6: 'OCF_ERR_CONFIGURED',
  7: 'OCF_NOT_RUNNING',
  8: 'OCF_RUNNING_PROMOTED',
  9: 'OCF_FAILED_PROMOTED',
  190: 'OCF_DEGRADED',
  191: 'OCF_DEGRADED_PROMOTED',
};

/** What crm_resource prints beside the code ("not running", "promoted"...). */
const DESCRIPTIONS: Record<OcfExitCode, string> = {
  0: 'ok',
  1: 'error',
  2: 'invalid parameter',
  3: 'unimplemented feature',
  4: 'insufficient privileges',
  5: 'not installed',
  6: 'not configured',
  7: 'not running',
  8: 'promoted',
  9: 'promoted (failed)',
  190: 'OCF_DEGRADED',
  191: 'OCF_DEGRADED_PROMOTED',
};

export function isOcfExitCode(rc: number): rc is OcfExitCode {
  return Object.prototype.hasOwnProperty.call(NAMES, rc);
}

/** The exit code as Pacemaker records it: unknown codes become OCF_ERR_GENERIC. */
export function normalizeOcfExitCode(rc: number): OcfExitCode {
  return isOcfExitCode(rc) ? rc : OCF_ERR_GENERIC;
}

export function ocfExitCodeName(rc: OcfExitCode): string {
  return NAMES[rc];
}

export function ocfExitCodeDescription(rc: OcfExitCode): string {
  return DESCRIPTIONS[rc];
}

/** A probe (monitor with interval 0 run to learn the state) that found the agent unusable here. */
export function maskProbeResult(rc: OcfExitCode): OcfExitCode {
  return rc === OCF_ERR_INSTALLED || rc === OCF_ERR_ARGS ? OCF_NOT_RUNNING : rc;
}

/** LSB status exit codes (init scripts' `status`) as Pacemaker maps them (services__lsb2ocf). */
export function lsbStatusToOcf(rc: number): OcfExitCode {
  switch (rc) {
    case 0:
      return OCF_SUCCESS;
    case 1: // dead, pid file exists
    case 2: // dead, lock file exists
    case 3: // not running
      return OCF_NOT_RUNNING;
    case 150:
      return OCF_ERR_INSTALLED;
    case 151:
      return OCF_ERR_PERM;
    default:
      return OCF_ERR_GENERIC;
  }
}

/** LSB exit codes of every other action: 0-7 mean the same as OCF's, the rest is an error. */
export function lsbActionToOcf(rc: number): OcfExitCode {
  return rc >= 0 && rc <= 7 ? (rc as OcfExitCode) : OCF_ERR_GENERIC;
}
