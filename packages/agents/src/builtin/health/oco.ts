// ocf:hacluster:oco: runs OVH's OCO responder (see health/oco.ts) on this node, so the load
// balancer's probe on port 79 sees "OK" only while the node is an online, non-standby, healthy
// cluster member. Clone it to every node.

import { join } from 'node:path';
import { OCF_ERR_CONFIGURED, OCF_ERR_GENERIC, OCF_NOT_RUNNING, OCF_SUCCESS, type OcfExitCode } from '../../ocf/codes.js';
import type { DaemonOptions } from '../../health/daemon.js';
import type { AgentDefinition, Handlers } from '../framework/agent.js';
import type { AgentContext } from '../framework/context.js';
import { fail } from '../framework/failure.js';
import type { MetadataSpec } from '../framework/metadata-spec.js';
import { instanceStateDir } from '../framework/state-file.js';
import { answerOf, daemonPid, startDaemon, stopDaemon } from './daemons.js';

export const ocoMetadata: MetadataSpec = {
  type: 'oco',
  version: '1.0',
  shortdesc: 'OVH OCO responder',
  longdesc:
    'Answers OVH load balancer OCO probes: a TCP responder that writes OK when this node is an online cluster member, ' +
    'not in standby and with none of health_attributes red, and KO otherwise, then closes the connection. While ' +
    'force_ko_file exists the answer is KO.',
  parameters: [
    { name: 'port', type: 'integer', default: '79', shortdesc: 'TCP port', longdesc: 'The port to answer on (OCO probes port 79).' },
    { name: 'address', type: 'string', default: '0.0.0.0', shortdesc: 'listen address', longdesc: 'The address to listen on.' },
    { name: 'force_ko_file', type: 'string', default: '/run/oco/force-ko', shortdesc: 'file forcing KO', longdesc: 'While this file exists the responder answers KO.' },
    { name: 'health_attributes', type: 'string', default: '', shortdesc: 'health attributes', longdesc: 'Space-separated node attributes (e.g. #health-web) that make the answer KO when red.' },
  ],
  actions: [
    { name: 'start', timeout: '20s' },
    { name: 'stop', timeout: '20s' },
    { name: 'monitor', timeout: '20s', interval: '10s' },
    { name: 'meta-data', timeout: '5s' },
    { name: 'validate-all', timeout: '5s' },
  ],
};

function ocoHandlers(ctx: AgentContext): Handlers {
  const port = Number(ctx.params['port'] ?? '79');
  const address = ctx.params['address'] ?? '0.0.0.0';
  const pidfile = join(instanceStateDir(ctx), 'oco.pid');
  const options = (): DaemonOptions => ({
    kind: 'oco',
    port,
    address,
    pidfile,
    node: ctx.nodeName,
    healthAttributes: (ctx.params['health_attributes'] ?? '').split(/\s+/).filter((a) => a !== ''),
    ...(ctx.params['force_ko_file'] ? { forceKoFile: ctx.params['force_ko_file'] } : {}),
  });
  return {
    validate: async (): Promise<OcfExitCode> => {
      if (!Number.isInteger(port) || port <= 0 || port > 65535) fail(OCF_ERR_CONFIGURED, `port ${ctx.params['port']} is not a TCP port`);
      return OCF_SUCCESS;
    },
    start: async () => {
      await startDaemon(ctx, options());
      return OCF_SUCCESS;
    },
    stop: async () => {
      await stopDaemon(ctx, pidfile);
      return OCF_SUCCESS;
    },
    monitor: async () => {
      if (daemonPid(pidfile) === undefined) return OCF_NOT_RUNNING;
      const answer = await answerOf(address, port, Math.max(1000, ctx.remainingMs() - 1000));
      if (answer === undefined || !/^(OK|KO)\n$/.test(answer)) fail(OCF_ERR_GENERIC, `the OCO responder on port ${port} does not answer`);
      return OCF_SUCCESS;
    },
  };
}

export const ocoAgent: AgentDefinition = { metadata: ocoMetadata, real: ocoHandlers, sandbox: ocoHandlers };
