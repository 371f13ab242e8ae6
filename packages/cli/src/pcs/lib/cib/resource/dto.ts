// Resources as plain data (pcs's DTOs, same fields in the same order, so that the JSON output of
// `resource config --output-format=json` matches pcs's).

import type { Cib, XmlElement } from '@hacluster/cib';
import { isTrue } from '../../pacemaker/values.js';
import { nvsetToDto, type NvsetDto } from '../nvset-dto.js';
import { bundleInner, cloneInner, groupInner } from './common.js';

export interface OperationDto {
  id: string;
  name: string;
  interval: string;
  description: string | null;
  start_delay: string | null;
  interval_origin: string | null;
  timeout: string | null;
  enabled: boolean | null;
  record_pending: boolean | null;
  role: string | null;
  on_fail: string | null;
  meta_attributes: NvsetDto[];
  instance_attributes: NvsetDto[];
}

export interface PrimitiveDto {
  id: string;
  agent_name: { standard: string; provider: string | null; type: string };
  description: string | null;
  operations: OperationDto[];
  meta_attributes: NvsetDto[];
  instance_attributes: NvsetDto[];
  utilization: NvsetDto[];
}

export interface GroupDto {
  id: string;
  description: string | null;
  member_ids: string[];
  meta_attributes: NvsetDto[];
  instance_attributes: NvsetDto[];
}

export interface CloneDto {
  id: string;
  description: string | null;
  member_id: string;
  meta_attributes: NvsetDto[];
  instance_attributes: NvsetDto[];
}

export interface BundleDto {
  id: string;
  description: string | null;
  member_id: string | null;
  container_type: string | null;
  container_options: {
    image: string;
    replicas: number | null;
    replicas_per_host: number | null;
    promoted_max: number | null;
    run_command: string | null;
    network: string | null;
    options: string | null;
  } | null;
  network: { ip_range_start: string | null; control_port: number | null; host_interface: string | null; host_netmask: number | null; add_host: boolean | null } | null;
  port_mappings: { id: string; port: number | null; internal_port: number | null; range: string | null }[];
  storage_mappings: { id: string; source_dir: string | null; source_dir_root: string | null; target_dir: string; options: string | null }[];
  meta_attributes: NvsetDto[];
  instance_attributes: NvsetDto[];
}

export interface ResourcesDto {
  primitives: PrimitiveDto[];
  clones: CloneDto[];
  groups: GroupDto[];
  bundles: BundleDto[];
}

const opt = (v: string | undefined): string | null => (v === undefined ? null : v);
const optInt = (v: string | undefined): number | null => {
  if (v === undefined) return null;
  const n = Number.parseInt(v, 10);
  return Number.isFinite(n) ? n : null;
};
const nvsets = (el: XmlElement, tag: string) => el.elements(tag).map(nvsetToDto);

function primaryRole(role: string): string {
  return role === 'Master' ? 'Promoted' : role === 'Slave' ? 'Unpromoted' : role;
}

export function operationToDto(op: XmlElement): OperationDto {
  const role = op.get('role');
  const enabled = op.get('enabled');
  const pending = op.get('record-pending');
  return {
    id: op.get('id') ?? '',
    name: op.get('name') ?? '',
    interval: op.get('interval') ?? '',
    description: opt(op.get('description')),
    start_delay: opt(op.get('start-delay')),
    interval_origin: opt(op.get('interval-origin')),
    timeout: opt(op.get('timeout')),
    enabled: enabled === undefined ? null : isTrue(enabled),
    record_pending: pending === undefined ? null : isTrue(pending),
    role: role === undefined ? null : primaryRole(role),
    on_fail: opt(op.get('on-fail')),
    meta_attributes: nvsets(op, 'meta_attributes'),
    instance_attributes: nvsets(op, 'instance_attributes'),
  };
}

export function primitiveToDto(el: XmlElement): PrimitiveDto {
  return {
    id: el.get('id') ?? '',
    agent_name: { standard: el.get('class') ?? '', provider: opt(el.get('provider')), type: el.get('type') ?? '' },
    description: opt(el.get('description')),
    operations: el.elements('operations').flatMap((ops) => ops.elements('op')).map(operationToDto),
    meta_attributes: nvsets(el, 'meta_attributes'),
    instance_attributes: nvsets(el, 'instance_attributes'),
    utilization: nvsets(el, 'utilization'),
  };
}

export function groupToDto(el: XmlElement): GroupDto {
  return {
    id: el.get('id') ?? '',
    description: opt(el.get('description')),
    member_ids: groupInner(el).map((p) => p.get('id') ?? ''),
    meta_attributes: nvsets(el, 'meta_attributes'),
    instance_attributes: nvsets(el, 'instance_attributes'),
  };
}

export function cloneToDto(el: XmlElement): CloneDto {
  const dto: CloneDto = {
    id: el.get('id') ?? '',
    description: opt(el.get('description')),
    member_id: cloneInner(el)?.get('id') ?? '',
    meta_attributes: nvsets(el, 'meta_attributes'),
    instance_attributes: nvsets(el, 'instance_attributes'),
  };
  if (el.name === 'master') {
    // <master> is a promotable clone written the old way: show it as one.
    const promotable = { id: '', name: 'promotable', value: 'true' };
    const first = dto.meta_attributes[0];
    if (first) dto.meta_attributes = [{ ...first, nvpairs: [...first.nvpairs, promotable] }, ...dto.meta_attributes.slice(1)];
    else dto.meta_attributes = [{ id: '', options: {}, rule: null, nvpairs: [promotable] }];
  }
  return dto;
}

const CONTAINERS = ['docker', 'podman', 'rkt'];

export function bundleToDto(el: XmlElement): BundleDto {
  const runtime = el.elements().find((e) => CONTAINERS.includes(e.name));
  const network = el.first('network');
  const inner = bundleInner(el);
  return {
    id: el.get('id') ?? '',
    description: opt(el.get('description')),
    member_id: inner ? (inner.get('id') ?? '') : null,
    container_type: runtime ? runtime.name : null,
    container_options: runtime
      ? {
          image: runtime.get('image') ?? '',
          replicas: optInt(runtime.get('replicas')),
          replicas_per_host: optInt(runtime.get('replicas-per-host')),
          promoted_max: optInt(runtime.get('promoted-max') || runtime.get('masters')),
          run_command: opt(runtime.get('run-command')),
          network: opt(runtime.get('network')),
          options: opt(runtime.get('options')),
        }
      : null,
    network: network
      ? {
          ip_range_start: opt(network.get('ip-range-start')),
          control_port: optInt(network.get('control-port')),
          host_interface: opt(network.get('host-interface')),
          host_netmask: optInt(network.get('host-netmask')),
          add_host: network.get('add-host') === undefined ? null : network.get('add-host') !== '',
        }
      : null,
    port_mappings: (network?.elements('port-mapping') ?? []).map((pm) => ({
      id: pm.get('id') ?? '',
      port: optInt(pm.get('port')),
      internal_port: optInt(pm.get('internal-port')),
      range: opt(pm.get('range')),
    })),
    storage_mappings: el.elements('storage').flatMap((s) => s.elements('storage-mapping')).map((sm) => ({
      id: sm.get('id') ?? '',
      source_dir: opt(sm.get('source-dir')),
      source_dir_root: opt(sm.get('source-dir-root')),
      target_dir: sm.get('target-dir') ?? '',
      options: opt(sm.get('options')),
    })),
    meta_attributes: nvsets(el, 'meta_attributes'),
    instance_attributes: nvsets(el, 'instance_attributes'),
  };
}

/** Every resource of the CIB, as pcs lists them (primitives and groups at any depth). */
export function resourcesToDto(cib: Cib): ResourcesDto {
  const section = cib.scope('resources');
  if (!section) return { primitives: [], clones: [], groups: [], bundles: [] };
  const all = [...section.descendants()].slice(1);
  return {
    primitives: all.filter((e) => e.name === 'primitive').map(primitiveToDto),
    clones: [...section.elements('clone'), ...section.elements('master')].map(cloneToDto),
    groups: all.filter((e) => e.name === 'group').map(groupToDto),
    bundles: section.elements('bundle').map(bundleToDto),
  };
}
