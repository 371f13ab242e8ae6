// Agents explain a failure by writing `ocf-exit-reason:<text>` to stderr (ocf_exit_reason in
// ocf-shellfuncs). Like Pacemaker (services_linux.c) we take the last such line: an agent may
// report several, and the last one is the reason it gave up.

export const OCF_EXIT_REASON_PREFIX = 'ocf-exit-reason:';

export function parseExitReason(stderr: string): string | undefined {
  const at = stderr.lastIndexOf(OCF_EXIT_REASON_PREFIX);
  if (at < 0) return undefined;
  const rest = stderr.slice(at + OCF_EXIT_REASON_PREFIX.length);
  const eol = rest.indexOf('\n');
  const reason = (eol < 0 ? rest : rest.slice(0, eol)).trim();
  return reason === '' ? undefined : reason;
}
