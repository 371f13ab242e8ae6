// The environment an OCF agent is run with (services_linux.c add_action_env_vars, and the
// meta attributes the controller adds): instance parameters as OCF_RESKEY_<name>, meta
// attributes as OCF_RESKEY_CRM_meta_<name> with '-' turned into '_', the operation's interval
// and timeout in milliseconds, and clone notification lists separated by spaces.

import { OCF_EXIT_REASON_PREFIX } from './exit-reason.js';

export const DEFAULT_OCF_ROOT = '/usr/lib/ocf';
/** The CRM feature set we claim; agents compare it (ocf_promotion_score picks `-p` from 3.10.0). */
export const CRM_FEATURE_SET = '3.16.2';

export type NotifyType = 'pre' | 'post';
export type NotifyOperation = 'start' | 'stop' | 'promote' | 'demote';

/** The clone notification lists, by Pacemaker's suffixes (start_resource, active_uname, ...). */
export type NotifyListKey =
  | `${'start' | 'stop' | 'promote' | 'demote' | 'active' | 'inactive' | 'available' | 'all' | 'promoted' | 'unpromoted' | 'master' | 'slave'}_${'resource' | 'uname'}`
  | 'all_hosts';

export interface NotifyData {
  type: NotifyType;
  operation: NotifyOperation;
  lists: Partial<Record<NotifyListKey, string[]>>;
}

export interface OcfInvocation {
  instance: string;
  provider: string;
  type: string;
  params: Record<string, string>;
  meta: Record<string, string>;
  intervalMs: number;
  timeoutMs: number;
  ocfRoot?: string;
  /** OCF_CHECK_LEVEL (monitor depth), given as an operation attribute. */
  checkLevel?: number;
  notify?: NotifyData;
}

export function metaEnvName(name: string): string {
  return `OCF_RESKEY_CRM_meta_${name.replace(/-/g, '_')}`;
}

export function ocfEnvironment(inv: OcfInvocation): Record<string, string> {
  const env: Record<string, string> = {
    OCF_RA_VERSION_MAJOR: '1',
    OCF_RA_VERSION_MINOR: '1',
    OCF_ROOT: inv.ocfRoot ?? DEFAULT_OCF_ROOT,
    OCF_RESOURCE_INSTANCE: inv.instance,
    OCF_RESOURCE_TYPE: inv.type,
    OCF_RESOURCE_PROVIDER: inv.provider,
    OCF_EXIT_REASON_PREFIX,
    OCF_RESKEY_crm_feature_set: CRM_FEATURE_SET,
  };
  for (const [k, v] of Object.entries(inv.params)) env[`OCF_RESKEY_${k}`] = v;
  for (const [k, v] of Object.entries(inv.meta)) env[metaEnvName(k)] = v;
  // The operation's own values win over anything of the same name in the resource's meta.
  env[metaEnvName('interval')] = String(inv.intervalMs);
  env[metaEnvName('timeout')] = String(inv.timeoutMs);
  if (inv.checkLevel !== undefined) {
    env['OCF_CHECK_LEVEL'] = String(inv.checkLevel);
    env['OCF_RESKEY_OCF_CHECK_LEVEL'] = String(inv.checkLevel);
  }
  if (inv.notify) {
    env[metaEnvName('notify_type')] = inv.notify.type;
    env[metaEnvName('notify_operation')] = inv.notify.operation;
    // an empty list is a single space, as Pacemaker's scheduler writes it
    for (const [k, list] of Object.entries(inv.notify.lists)) env[metaEnvName(`notify_${k}`)] = list !== undefined && list.length > 0 ? list.join(' ') : ' ';
  }
  return env;
}

/** The instance's meta attributes back from an agent's environment (the agent side of the above). */
export function metaFromEnvironment(env: Record<string, string | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  const prefix = 'OCF_RESKEY_CRM_meta_';
  for (const [k, v] of Object.entries(env)) if (k.startsWith(prefix) && v !== undefined) out[k.slice(prefix.length)] = v;
  return out;
}

export function paramsFromEnvironment(env: Record<string, string | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  const prefix = 'OCF_RESKEY_';
  for (const [k, v] of Object.entries(env)) {
    if (k.startsWith(prefix) && !k.startsWith('OCF_RESKEY_CRM_meta_') && k !== 'OCF_RESKEY_crm_feature_set' && v !== undefined) {
      out[k.slice(prefix.length)] = v;
    }
  }
  return out;
}
