// crm_resource --locate (-W) over a CIB file: where a resource is running, read from the status
// section, printed as Pacemaker prints it ("resource X is running on: node1 Promoted"). The rest
// of crm_resource is the pcs/CLI side's, not a shim's.

import { openCib } from './cib-file.js';
import { parseToolArgs, processIo, reporter, type ToolIo } from './io.js';
import { locateResource } from './locate.js';

export function crmResource(argv: string[], io: ToolIo): number {
  const fail = reporter('crm_resource', io);
  const parsed = parseToolArgs(argv, {
    locate: { type: 'boolean', short: 'W' },
    resource: { type: 'string', short: 'r' },
    quiet: { type: 'boolean', short: 'Q' },
  });
  if (!parsed.ok) return fail(parsed.problem);
  const v = parsed.values;
  if (!v.locate) return fail({ code: 'USAGE', message: 'only --locate is available here' });
  const rsc = v.resource;
  if (!rsc) return fail({ code: 'USAGE', message: 'a resource is required (-r)' });
  const handle = openCib(io.env);
  if (!handle.ok) return fail(handle.problem);
  const where = locateResource(handle.value.cib, rsc);
  if (!where) return fail({ code: 'RESOURCE_UNKNOWN', resource: rsc });
  if (where.length === 0) {
    if (!v.quiet) io.err(`resource ${rsc} is NOT running\n`);
    return 0;
  }
  for (const l of where) {
    if (v.quiet) io.out(`${l.node}\n`);
    else io.out(`resource ${rsc} is running on: ${l.node}${l.promoted ? ' Promoted' : ''}\n`);
  }
  return 0;
}

export async function main(argv: string[]): Promise<number> {
  return crmResource(argv, processIo());
}
