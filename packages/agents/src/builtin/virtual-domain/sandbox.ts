// ocf:hacluster:VirtualDomain in the sandbox: a domain is a file <node>/domains/<name> holding its
// state, and a live migration moves that file to the target node's directory, so two nodes can
// never both run it and the source is empty afterwards, as with libvirt.

import { join } from 'node:path';
import { OCF_ERR_GENERIC, OCF_NOT_RUNNING, OCF_SUCCESS, type OcfExitCode } from '../../ocf/codes.js';
import type { Handlers } from '../framework/agent.js';
import type { AgentContext } from '../framework/context.js';
import { fail } from '../framework/failure.js';
import { Sandbox, safeName } from '../framework/sandbox.js';
import { migrationTarget, readDomainName } from './domain.js';

export function virtualDomainSandbox(ctx: AgentContext): Handlers {
  const sb = Sandbox.of(ctx);
  const domainFile = (node: string): string => join(sb.root, node, 'domains', safeName(readDomainName(ctx)));
  const here = (): string | undefined => sb.read(domainFile(ctx.nodeName));
  const elsewhere = (): string | undefined => sb.nodes().find((n) => n !== ctx.nodeName && sb.read(domainFile(n)) === 'running');
  return {
    validate: async (): Promise<OcfExitCode> => {
      readDomainName(ctx);
      return OCF_SUCCESS;
    },
    start: async () => {
      if (here() === 'running') return OCF_SUCCESS;
      const other = elsewhere();
      // libvirt would start a second copy on shared storage; the sandbox refuses and says so.
      if (other) fail(OCF_ERR_GENERIC, `domain ${readDomainName(ctx)} is already running on ${other}`);
      sb.write(domainFile(ctx.nodeName), 'running');
      return OCF_SUCCESS;
    },
    stop: async () => {
      try {
        sb.remove(domainFile(ctx.nodeName));
      } catch {
        // no config, nothing to stop
      }
      return OCF_SUCCESS;
    },
    monitor: async () => (here() === 'running' ? OCF_SUCCESS : OCF_NOT_RUNNING),
    migrate_to: async () => {
      const target = migrationTarget(ctx);
      if (here() !== 'running') fail(OCF_ERR_GENERIC, `domain ${readDomainName(ctx)} is not running here, nothing to migrate`);
      if (sb.read(domainFile(target)) === 'running') fail(OCF_ERR_GENERIC, `domain ${readDomainName(ctx)} already runs on ${target}`);
      sb.move(domainFile(ctx.nodeName), domainFile(target));
      return OCF_SUCCESS;
    },
    migrate_from: async () => {
      if (here() !== 'running') fail(OCF_ERR_GENERIC, `domain ${readDomainName(ctx)} did not arrive on ${ctx.nodeName}`);
      return OCF_SUCCESS;
    },
  };
}
