// ocf:hacluster:PassiveHeartbeat: an okerr-style passive indicator as a resource. Something
// outside pushes OK (hacluster-heartbeat push NAME, or HTTP to the receiver this agent can run);
// the monitor fails once no OK has come within `period` — or, with health_attribute, keeps the
// resource up and turns that node attribute red instead (node health).

import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { indicatorState, isIndicatorName } from '../../health/heartbeat.js';
import { parseNetworks } from '../../health/networks.js';
import { OCF_ERR_CONFIGURED, OCF_ERR_GENERIC, OCF_NOT_RUNNING, OCF_SUCCESS, type OcfExitCode } from '../../ocf/codes.js';
import type { AgentDefinition, Handlers } from '../framework/agent.js';
import { setNodeAttribute } from '../framework/attributes.js';
import type { AgentContext } from '../framework/context.js';
import { fail } from '../framework/failure.js';
import type { MetadataSpec } from '../framework/metadata-spec.js';
import { instanceStateDir } from '../framework/state-file.js';
import { daemonPid, startDaemon, stopDaemon } from './daemons.js';

export const passiveHeartbeatMetadata: MetadataSpec = {
  type: 'PassiveHeartbeat',
  version: '1.0',
  shortdesc: 'Passive heartbeat indicator (okerr style)',
  longdesc:
    'An indicator updated by pushes: "hacluster-heartbeat push NAME OK" or an HTTP POST to /heartbeat/NAME (status=OK, ' +
    'secret=...) on listen_port, from allowed_networks only. The monitor fails when the last push was ERR or no OK ' +
    'arrived within period seconds; with health_attribute it sets that node attribute to red instead and succeeds.',
  parameters: [
    { name: 'name', type: 'string', required: true, unique: true, shortdesc: 'indicator name', longdesc: 'The indicator\'s name (letters, digits, . _ -).' },
    { name: 'period', type: 'integer', default: '60', shortdesc: 'period (s)', longdesc: 'Seconds within which an OK push must arrive.' },
    { name: 'state_dir', type: 'string', default: '/run/hacluster/heartbeat', shortdesc: 'state directory', longdesc: 'Where pushes are recorded.' },
    { name: 'listen_port', type: 'integer', default: '0', shortdesc: 'HTTP port', longdesc: 'Run an HTTP receiver for pushes on this port (0: none).' },
    { name: 'listen_address', type: 'string', default: '127.0.0.1', shortdesc: 'HTTP address', longdesc: 'The address the receiver listens on.' },
    { name: 'secret', type: 'string', default: '', shortdesc: 'secret', longdesc: 'A secret every HTTP push must carry (secret=...).' },
    { name: 'allowed_networks', type: 'string', default: '', shortdesc: 'allowed networks', longdesc: 'Space-separated addresses and networks (10.0.0.0/8) pushes may come from; empty: any.' },
    { name: 'health_attribute', type: 'string', shortdesc: 'node health attribute', longdesc: 'Use as node health: set this node attribute to green or red instead of failing the monitor.' },
  ],
  actions: [
    { name: 'start', timeout: '20s' },
    { name: 'stop', timeout: '20s' },
    { name: 'monitor', timeout: '20s', interval: '10s' },
    { name: 'meta-data', timeout: '5s' },
    { name: 'validate-all', timeout: '5s' },
  ],
};

function heartbeatHandlers(ctx: AgentContext): Handlers {
  const dir = instanceStateDir(ctx);
  const started = join(dir, 'state');
  const pidfile = join(dir, 'receiver.pid');
  const name = ctx.params['name'] ?? '';
  const stateDir = ctx.params['state_dir'] ?? '/run/hacluster/heartbeat';
  const port = Number(ctx.params['listen_port'] ?? '0');
  return {
    validate: async (): Promise<OcfExitCode> => {
      if (!isIndicatorName(name)) fail(OCF_ERR_CONFIGURED, `bad indicator name ${name}`);
      if (!(Number(ctx.params['period']) > 0)) fail(OCF_ERR_CONFIGURED, 'period must be a positive number of seconds');
      if (!Number.isInteger(port) || port < 0 || port > 65535) fail(OCF_ERR_CONFIGURED, 'listen_port must be a TCP port or 0');
      const nets = parseNetworks(ctx.params['allowed_networks'] ?? '');
      if (typeof nets === 'string') fail(OCF_ERR_CONFIGURED, `allowed_networks: ${nets}`);
      return OCF_SUCCESS;
    },
    start: async () => {
      mkdirSync(stateDir, { recursive: true });
      mkdirSync(dir, { recursive: true });
      if (port > 0) {
        await startDaemon(ctx, {
          kind: 'heartbeat',
          port,
          address: ctx.params['listen_address'] ?? '127.0.0.1',
          pidfile,
          stateDir,
          ...(ctx.params['secret'] ? { secret: ctx.params['secret'] } : {}),
          ...(ctx.params['allowed_networks'] ? { allowedNetworks: ctx.params['allowed_networks'] } : {}),
        });
      }
      if (!existsSync(started)) writeFileSync(started, `${Date.now()}\n`);
      return OCF_SUCCESS;
    },
    stop: async () => {
      await stopDaemon(ctx, pidfile);
      rmSync(started, { force: true });
      return OCF_SUCCESS;
    },
    monitor: async () => {
      if (!existsSync(started)) return OCF_NOT_RUNNING;
      if (port > 0 && daemonPid(pidfile) === undefined) fail(OCF_ERR_GENERIC, 'the heartbeat receiver is not running');
      const since = Number(readFileSync(started, 'utf8').trim()) || undefined;
      const st = indicatorState(stateDir, name, Number(ctx.params['period'] ?? '60') * 1000, Date.now(), since);
      const attribute = ctx.params['health_attribute'];
      if (attribute) {
        await setNodeAttribute(ctx, attribute, st.status === 'OK' ? 'green' : 'red');
        return OCF_SUCCESS;
      }
      if (st.status !== 'OK') fail(OCF_ERR_GENERIC, st.reason);
      return OCF_SUCCESS;
    },
  };
}

export const passiveHeartbeatAgent: AgentDefinition = { metadata: passiveHeartbeatMetadata, real: heartbeatHandlers, sandbox: heartbeatHandlers };
