// crm_master, Pacemaker's deprecated wrapper that older promotable agents (drbd) still call:
// crm_attribute on master-$OCF_RESOURCE_INSTANCE, lifetime "forever" unless -l says otherwise.

import { runAttributeRequest, type AttributeRequest } from './crm_attribute.js';
import { parseToolArgs, processIo, reporter, type ToolIo } from './io.js';

export function crmMaster(argv: string[], io: ToolIo): number {
  const fail = reporter('crm_master', io);
  const parsed = parseToolArgs(argv, {
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
  });
  if (!parsed.ok) return fail(parsed.problem);
  const v = parsed.values;
  const resource = v.resource ?? io.env['OCF_RESOURCE_INSTANCE'];
  if (!resource) return fail({ code: 'USAGE', message: 'this command must be run from a resource agent (OCF_RESOURCE_INSTANCE) or with -r' });
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
