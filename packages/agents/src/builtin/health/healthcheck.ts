// ocf:hacluster:HealthCheck: one of keepalived's checkers as a resource. Its monitor runs the
// check. As a resource health check it fails the monitor when the check fails, so constraints can
// follow it; with health_attribute it is a node health check instead: the monitor succeeds and
// sets that node attribute to green or red (and weight_attribute to MISC_CHECK's dynamic weight),
// for node-health-strategy to act on.

import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { checkFromParams } from '../../health/params.js';
import { runHealthCheck } from '../../health/run.js';
import type { HealthCheck } from '../../health/model.js';
import { OCF_ERR_CONFIGURED, OCF_ERR_GENERIC, OCF_NOT_RUNNING, OCF_SUCCESS, type OcfExitCode } from '../../ocf/codes.js';
import type { AgentDefinition, Handlers } from '../framework/agent.js';
import { setNodeAttribute } from '../framework/attributes.js';
import type { AgentContext } from '../framework/context.js';
import { fail } from '../framework/failure.js';
import type { MetadataSpec } from '../framework/metadata-spec.js';
import { instanceStateFile } from '../framework/state-file.js';

export const healthCheckMetadata: MetadataSpec = {
  type: 'HealthCheck',
  version: '1.0',
  shortdesc: "keepalived's health checkers as a monitor",
  longdesc:
    'Checks a service the way keepalived checks a real server: TCP_CHECK (connect), HTTP_GET and SSL_GET (status ' +
    'code and MD5 digest of the body of one or more URLs), SMTP_CHECK (greeting, HELO, QUIT) or MISC_CHECK (a script; ' +
    'with misc_dynamic its exit code minus 2 is a weight), with connect_timeout, retry and delay_before_retry. Without ' +
    'health_attribute a failed check fails the monitor; with it the check only sets that node attribute to green or red.',
  parameters: [
    { name: 'check', type: 'string', required: true, shortdesc: 'checker', longdesc: 'TCP_CHECK, HTTP_GET, SSL_GET, SMTP_CHECK or MISC_CHECK.' },
    { name: 'connect_ip', type: 'string', default: '127.0.0.1', shortdesc: 'address to check', longdesc: 'The address to connect to.' },
    { name: 'connect_port', type: 'integer', shortdesc: 'port to check', longdesc: 'The TCP port to connect to (all checkers but MISC_CHECK).' },
    { name: 'bindto', type: 'string', shortdesc: 'source address', longdesc: 'The local address to connect from.' },
    { name: 'connect_timeout', type: 'integer', default: '5', shortdesc: 'connect timeout (s)', longdesc: 'Seconds to wait for the connection and each answer.' },
    { name: 'retry', type: 'integer', default: '1', shortdesc: 'retries', longdesc: 'How many times a failed check is tried again before it counts as failed.' },
    { name: 'delay_before_retry', type: 'integer', default: '1', shortdesc: 'delay before retry (s)', longdesc: 'Seconds between a failed attempt and the next.' },
    { name: 'urls', type: 'string', shortdesc: 'URLs (HTTP_GET, SSL_GET)', longdesc: 'Space-separated URLs, each a path optionally followed by ;status_code=NNN and ;digest=MD5 (what genhash prints), e.g. "/;status_code=200 /health;digest=0cc175b9c0f1b6a831c399e269772661". All must pass.' },
    { name: 'virtualhost', type: 'string', shortdesc: 'Host header', longdesc: 'The Host header to send (HTTP_GET, SSL_GET).' },
    { name: 'helo_name', type: 'string', default: 'localhost', shortdesc: 'HELO name', longdesc: 'The name sent with HELO (SMTP_CHECK).' },
    { name: 'misc_path', type: 'string', shortdesc: 'script', longdesc: 'The script and its arguments (MISC_CHECK).' },
    { name: 'misc_timeout', type: 'integer', default: '5', shortdesc: 'script timeout (s)', longdesc: 'Seconds the script may run (MISC_CHECK).' },
    { name: 'misc_dynamic', type: 'boolean', default: 'false', shortdesc: 'dynamic weight', longdesc: 'Exit codes 2-255 mean healthy with weight = code - 2 (MISC_CHECK).' },
    { name: 'health_attribute', type: 'string', shortdesc: 'node health attribute', longdesc: 'Turns this into a node health check: the node attribute (e.g. #health-web) is set to green or red and the monitor succeeds.' },
    { name: 'weight_attribute', type: 'string', shortdesc: 'weight attribute', longdesc: 'Node attribute that receives the dynamic weight of a MISC_CHECK.' },
  ],
  actions: [
    { name: 'start', timeout: '20s' },
    { name: 'stop', timeout: '20s' },
    { name: 'monitor', timeout: '60s', interval: '10s' },
    { name: 'meta-data', timeout: '5s' },
    { name: 'validate-all', timeout: '5s' },
  ],
};

function parsedCheck(ctx: AgentContext): HealthCheck {
  const c = checkFromParams(ctx.params);
  if ('code' in c) fail(OCF_ERR_CONFIGURED, `${c.parameter} ${c.reason}`);
  return c;
}

function healthCheckHandlers(ctx: AgentContext): Handlers {
  const started = instanceStateFile(ctx);
  return {
    validate: async (): Promise<OcfExitCode> => {
      parsedCheck(ctx);
      return OCF_SUCCESS;
    },
    start: async () => {
      mkdirSync(dirname(started), { recursive: true });
      writeFileSync(started, `${ctx.params['check']}\n`);
      return OCF_SUCCESS;
    },
    stop: async () => {
      rmSync(started, { force: true });
      return OCF_SUCCESS;
    },
    monitor: async () => {
      if (!existsSync(started)) return OCF_NOT_RUNNING;
      const result = await runHealthCheck(parsedCheck(ctx));
      const attribute = ctx.params['health_attribute'];
      if (attribute) {
        await setNodeAttribute(ctx, attribute, result.ok ? 'green' : 'red');
        if (ctx.params['weight_attribute'] && result.weight !== undefined) await setNodeAttribute(ctx, ctx.params['weight_attribute'], String(result.weight));
        if (!result.ok) ctx.log('warn', `health check failed: ${result.detail}`);
        return OCF_SUCCESS;
      }
      if (!result.ok) fail(OCF_ERR_GENERIC, `${ctx.params['check']} failed after ${result.attempts} attempt(s): ${result.detail}`);
      return OCF_SUCCESS;
    },
  };
}

/** Checks are read-only probes; the sandbox only moves the started state under the sandbox. */
export const healthCheckAgent: AgentDefinition = { metadata: healthCheckMetadata, real: healthCheckHandlers, sandbox: healthCheckHandlers };
