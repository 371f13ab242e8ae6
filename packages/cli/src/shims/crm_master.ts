// crm_master, Pacemaker's deprecated wrapper that older promotable agents (drbd) still call:
// crm_attribute on master-$OCF_RESOURCE_INSTANCE, lifetime "forever" unless -l says otherwise.

import { parseArgs } from 'node:util';
import { runAttributeRequest, type AttributeRequest } from './crm_attribute.js';
import { processIo, type ToolIo } from './io.js';
import { exitCodeOf, renderShimProblem } from './problems.js';

export function crmMaster(argv: string[], io: ToolIo): number {
  let v;
  try {
    v = parseArgs({
      args: argv,
      strict: true,
      options: {
        query: { type: 'boolean', short: 'G' },
        'get-value': { type: 'boolean' },
        update: { type: 'string', short: 'v' },
        'attr-value': { type: 'string' },
        delete: { type: 'boolean', short: 'D' },
        'delete-attr': { type: 'boolean' },
        node: { type: 'string', short: 'N' },
        uname: { type: 'string', short: 'U' },
        lifetime: { type: 'string', short: 'l' },
        resource: { type: 'string', short: 'r' },
        quiet: { type: 'boolean', short: 'q' },
        Q: { type: 'boolean', short: 'Q' },
        id: { type: 'string', short: 'i' },
        verbose: { type: 'boolean', short: 'V', multiple: true },
      },
    }).values;
  } catch (e) {
    const problem = { code: 'USAGE' as const, message: e instanceof Error ? e.message : String(e) };
    io.err(renderShimProblem('crm_master', problem) + '\n');
    return exitCodeOf(problem);
  }
  const resource = v.resource ?? io.env['OCF_RESOURCE_INSTANCE'];
  if (!resource) {
    const problem = { code: 'USAGE' as const, message: 'this command must be run from a resource agent (OCF_RESOURCE_INSTANCE) or with -r' };
    io.err(renderShimProblem('crm_master', problem) + '\n');
    return exitCodeOf(problem);
  }
  const value = v.update ?? v['attr-value'];
  const lifetime = v.lifetime === 'reboot' ? 'reboot' : 'forever';
  const req: AttributeRequest = {
    command: v.delete || v['delete-attr'] ? 'delete' : value !== undefined ? 'update' : 'query',
    name: `master-${resource}`,
    lifetime,
    utilization: false,
    // -Q: quiet (the old spelling); queries then print only the value.
    quiet: Boolean(v.quiet || v.Q),
  };
  if (value !== undefined) req.value = value;
  const node = v.node ?? v.uname;
  if (node !== undefined) req.node = node;
  return runAttributeRequest(req, io, 'crm_master');
}

export async function main(argv: string[]): Promise<number> {
  return crmMaster(argv, processIo());
}
