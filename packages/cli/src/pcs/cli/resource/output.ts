// `pcs resource config` and `pcs stonith config` listings: text, cmd (commands that recreate
// the resources) and json, in pcs's layout.

import type { BundleDto, CloneDto, GroupDto, OperationDto, PrimitiveDto, ResourcesDto } from '../../lib/cib/resource/dto.js';
import type { NvsetDto } from '../../lib/cib/nvset-dto.js';
import { formatNameValueList } from '../../lib/text.js';
import { CmdLineInputError } from '../errors.js';
import { nvsetToLines } from '../nvset.js';
import { indent, shellQuote } from '../text.js';

const isStonith = (p: PrimitiveDto) => p.agent_name.standard === 'stonith';

/** Resources with their nesting, filtered as `config [ID…]` and `stonith config` ask. */
export class ResourcesView {
  readonly parentOf = new Map<string, string>();
  readonly childrenOf = new Map<string, string[]>();

  constructor(
    readonly dto: ResourcesDto,
    readonly filteredIds: ReadonlySet<string> = new Set(),
    readonly onlyStonith?: boolean,
  ) {
    const setParent = (child: string, parent: string) => {
      this.parentOf.set(child, parent);
      this.childrenOf.set(parent, [...(this.childrenOf.get(parent) ?? []), child]);
    };
    for (const b of dto.bundles) if (b.member_id) setParent(b.member_id, b.id);
    for (const c of dto.clones) setParent(c.member_id, c.id);
    for (const g of dto.groups) for (const m of g.member_ids) setParent(m, g.id);
  }

  primitive(id: string) {
    return this.dto.primitives.find((p) => p.id === id);
  }
  group(id: string) {
    return this.dto.groups.find((g) => g.id === id);
  }

  filterStonith(stonith: boolean): ResourcesView {
    const primitives = this.dto.primitives.filter((p) => isStonith(p) === stonith || (!stonith && this.parentOf.has(p.id)));
    if (stonith) return new ResourcesView({ primitives, clones: [], groups: [], bundles: [] }, this.filteredIds, true);
    return new ResourcesView({ ...this.dto, primitives }, this.filteredIds, false);
  }

  /** Keeps the asked resources and what is inside them; warns about unknown ids. */
  filterResources(ids: readonly string[], warn: (text: string) => void): ResourcesView {
    if (ids.length === 0) return this;
    const label = this.onlyStonith === true ? 'fence device' : this.onlyStonith === false ? 'resource' : 'resource or fence device';
    const kinds = { p: new Set<string>(), g: new Set<string>(), c: new Set<string>(), b: new Set<string>() };
    const todo = [...new Set(ids)];
    const done = new Set<string>();
    while (todo.length) {
      const id = todo.pop()!;
      if (done.has(id)) continue;
      const kind = this.primitive(id) ? 'p' : this.dto.bundles.some((b) => b.id === id) ? 'b' : this.dto.clones.some((c) => c.id === id) ? 'c' : this.group(id) ? 'g' : undefined;
      if (!kind) {
        warn(`there is no ${label} '${id}'`);
        continue;
      }
      done.add(id);
      todo.push(...(this.childrenOf.get(id) ?? []));
      kinds[kind].add(id);
    }
    if (done.size === 0) throw new CmdLineInputError(`no ${label} found`);
    const byId = <T extends { id: string }>(list: T[], keep: Set<string>) => list.filter((x) => keep.has(x.id)).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    return new ResourcesView(
      {
        primitives: byId(this.dto.primitives, kinds.p),
        clones: byId(this.dto.clones, kinds.c),
        groups: byId(this.dto.groups, kinds.g),
        bundles: byId(this.dto.bundles, kinds.b),
      },
      new Set(ids.filter((i) => done.has(i))),
      this.onlyStonith,
    );
  }
}

const boolCli = (b: boolean) => (b ? '1' : '0');

function operationPairs(op: OperationDto): [string, string][] {
  const pairs: [string, string][] = [['interval', op.interval]];
  if (op.id) pairs.push(['id', op.id]);
  if (op.start_delay) pairs.push(['start-delay', op.start_delay]);
  else if (op.interval_origin) pairs.push(['interval-origin', op.interval_origin]);
  if (op.timeout) pairs.push(['timeout', op.timeout]);
  if (op.enabled !== null) pairs.push(['enabled', boolCli(op.enabled)]);
  if (op.record_pending !== null) pairs.push(['record-pending', boolCli(op.record_pending)]);
  if (op.role) pairs.push(['role', op.role]);
  if (op.on_fail) pairs.push(['on-fail', op.on_fail]);
  const level = op.instance_attributes.flatMap((s) => s.nvpairs).find((p) => p.name === 'OCF_CHECK_LEVEL');
  if (level?.value) pairs.push(['OCF_CHECK_LEVEL', level.value]);
  return pairs;
}

export function operationToLines(op: OperationDto): string[] {
  return [`${op.name}:${op.id ? ` ${op.id}` : ''}`, ...indent(formatNameValueList(operationPairs(op).filter(([k]) => k !== 'id')))];
}

const agentText = (p: PrimitiveDto) => `class=${p.agent_name.standard}${p.agent_name.provider ? ` provider=${p.agent_name.provider}` : ''} type=${p.agent_name.type}`;
const firstNvset = (label: string, sets: NvsetDto[]) => (sets[0] && sets[0].nvpairs.length ? nvsetToLines(sets[0], label) : []);
const description = (d: string | null) => (d ? [`Description: ${d}`] : []);

function primitiveText(p: PrimitiveDto): string[] {
  const out = [
    ...description(p.description),
    ...firstNvset('Attributes', p.instance_attributes),
    ...firstNvset('Meta Attributes', p.meta_attributes),
    ...firstNvset('Utilization', p.utilization),
  ];
  if (p.operations.length) out.push('Operations:', ...indent(p.operations.flatMap(operationToLines)));
  return [`Resource: ${p.id} (${agentText(p)})`, ...indent(out)];
}

function groupText(g: GroupDto, view: ResourcesView): string[] {
  const out = [...description(g.description), ...firstNvset('Attributes', g.instance_attributes), ...firstNvset('Meta Attributes', g.meta_attributes)];
  for (const m of g.member_ids) {
    const p = view.primitive(m);
    if (!p) throw new CmdLineInputError(`group ${g.id} refers to ${m}, which is not a primitive`);
    out.push(...primitiveText(p));
  }
  return [`Group: ${g.id}`, ...indent(out)];
}

function cloneText(c: CloneDto, view: ResourcesView): string[] {
  const out = [...description(c.description), ...firstNvset('Attributes', c.instance_attributes), ...firstNvset('Meta Attributes', c.meta_attributes)];
  const p = view.primitive(c.member_id);
  const g = view.group(c.member_id);
  if (p) out.push(...primitiveText(p));
  else if (g) out.push(...groupText(g, view));
  else throw new CmdLineInputError(`clone ${c.id} has nothing inside`);
  return [`Clone: ${c.id}`, ...indent(out)];
}

function containerPairs(b: BundleDto): [string, string][] {
  const o = b.container_options!;
  const pairs: [string, string][] = [['image', o.image]];
  if (o.replicas !== null) pairs.push(['replicas', String(o.replicas)]);
  if (o.replicas_per_host !== null) pairs.push(['replicas-per-host', String(o.replicas_per_host)]);
  if (o.promoted_max !== null) pairs.push(['promoted-max', String(o.promoted_max)]);
  if (o.run_command) pairs.push(['run-command', o.run_command]);
  if (o.network) pairs.push(['network', o.network]);
  if (o.options) pairs.push(['options', o.options]);
  return pairs;
}

function networkPairs(b: BundleDto): [string, string][] {
  const n = b.network;
  if (!n) return [];
  const pairs: [string, string][] = [];
  if (n.ip_range_start) pairs.push(['ip-range-start', n.ip_range_start]);
  if (n.control_port !== null) pairs.push(['control-port', String(n.control_port)]);
  if (n.host_interface) pairs.push(['host-interface', n.host_interface]);
  if (n.host_netmask !== null) pairs.push(['host-netmask', String(n.host_netmask)]);
  if (n.add_host !== null) pairs.push(['add-host', boolCli(n.add_host)]);
  return pairs;
}

const portMapPairs = (pm: BundleDto['port_mappings'][number]): [string, string][] => {
  const pairs: [string, string][] = [];
  if (pm.port !== null) pairs.push(['port', String(pm.port)]);
  if (pm.internal_port !== null) pairs.push(['internal-port', String(pm.internal_port)]);
  if (pm.range) pairs.push(['range', pm.range]);
  return pairs;
};

const storageMapPairs = (sm: BundleDto['storage_mappings'][number]): [string, string][] => {
  const pairs: [string, string][] = [];
  if (sm.source_dir) pairs.push(['source-dir', sm.source_dir]);
  if (sm.source_dir_root) pairs.push(['source-dir-root', sm.source_dir_root]);
  pairs.push(['target-dir', sm.target_dir]);
  if (sm.options) pairs.push(['options', sm.options]);
  return pairs;
};

function bundleText(b: BundleDto, view: ResourcesView): string[] {
  const out = [...description(b.description)];
  if (b.container_type && b.container_options) {
    out.push([`${b.container_type.charAt(0).toUpperCase()}${b.container_type.slice(1)}:`, ...formatNameValueList(containerPairs(b))].join(' '));
  }
  const net = networkPairs(b);
  if (net.length) out.push(['Network:', ...formatNameValueList(net)].join(' '));
  const pms = b.port_mappings.map((pm) => {
    const parts = formatNameValueList(portMapPairs(pm));
    if (parts.length && pm.id) parts.push(`(${pm.id})`);
    return parts.join(' ');
  });
  if (pms.length) out.push('Port Mapping:', ...indent(pms));
  const sms = b.storage_mappings.map((sm) => [...formatNameValueList(storageMapPairs(sm)), `(${sm.id})`].join(' '));
  if (sms.length) out.push('Storage Mapping:', ...indent(sms));
  out.push(...firstNvset('Meta Attributes', b.meta_attributes));
  if (b.member_id) {
    const p = view.primitive(b.member_id);
    if (!p) throw new CmdLineInputError(`bundle '${b.id}' refers to resource '${b.member_id}', which was not found`);
    out.push(...primitiveText(p));
  }
  return [`Bundle: ${b.id}`, ...indent(out)];
}

export function resourcesToText(view: ResourcesView): string[] {
  const shown = (id: string) => (view.filteredIds.size ? view.filteredIds.has(id) : !view.parentOf.has(id));
  const out: string[] = [];
  for (const p of view.dto.primitives) if (shown(p.id)) out.push(...primitiveText(p));
  for (const g of view.dto.groups) if (shown(g.id)) out.push(...groupText(g, view));
  for (const c of view.dto.clones) if (shown(c.id)) out.push(...cloneText(c, view));
  for (const b of view.dto.bundles) if (shown(b.id)) out.push(...bundleText(b, view));
  return out;
}

const optionsCmd = (words: readonly string[]) => words.map(shellQuote).join(' ');
const pairsCmd = (pairs: Iterable<readonly [string, string]>) => optionsCmd([...pairs].map(([k, v]) => `${k}=${v}`));

function nvsetCmd(label: string | undefined, sets: NvsetDto[]): string[] {
  const first = sets[0];
  if (!first || first.nvpairs.length === 0) return [];
  const opts = pairsCmd(first.nvpairs.map((p) => [p.name, p.value] as const));
  return [label ? `${label} ${opts}` : opts];
}

function primitiveCmd(p: PrimitiveDto, bundleId?: string): string[][] {
  const stonith = isStonith(p);
  const options = [...nvsetCmd(undefined, p.instance_attributes)];
  if (p.operations.length) options.push('op', ...indent(p.operations.map((op) => `${op.name} ${pairsCmd(operationPairs(op))}`)));
  options.push(...nvsetCmd('meta', p.meta_attributes));
  if (bundleId) options.push(`bundle ${bundleId}`);
  const agent = stonith ? p.agent_name.type : [p.agent_name.standard, p.agent_name.provider, p.agent_name.type].filter((x) => x).join(':');
  const out = [[optionsCmd(['pcs', stonith ? 'stonith' : 'resource', 'create', '--no-default-ops', '--force', '--', p.id, agent]), ...indent(options)]];
  const util = nvsetCmd(undefined, p.utilization);
  if (util.length) out.push([optionsCmd(['pcs', 'resource', 'utilization', p.id]), ...indent(util)]);
  return out;
}

/** Commands that recreate the resources; the caller warns about what it cannot recreate. */
export function resourcesToCmd(view: ResourcesView, warn: (text: string) => void): string[][] {
  const out: string[][] = [];
  const withBundle = new Set<string>();
  for (const b of view.dto.bundles) {
    if (!(b.container_type && b.container_options)) {
      warn(`bundle '${b.id}' uses a container type pcs cannot create, so it is left out`);
      continue;
    }
    const opts = [optionsCmd(['container', b.container_type]), ...indent([pairsCmd(containerPairs(b))])];
    const net = pairsCmd(networkPairs(b));
    if (net) opts.push(`network ${net}`);
    for (const pm of b.port_mappings) opts.push(`port-map ${pairsCmd(portMapPairs(pm))}`);
    for (const sm of b.storage_mappings) opts.push(`storage-map ${pairsCmd(storageMapPairs(sm))}`);
    opts.push(...nvsetCmd('meta', b.meta_attributes));
    out.push([optionsCmd(['pcs', 'resource', 'bundle', 'create', b.id]), ...indent(opts)]);
    if (b.member_id) {
      const p = view.primitive(b.member_id);
      if (!p) throw new CmdLineInputError(`bundle '${b.id}' refers to resource '${b.member_id}', which was not found`);
      out.push(...primitiveCmd(p, b.id));
      withBundle.add(b.member_id);
    }
  }
  for (const p of view.dto.primitives) if (!withBundle.has(p.id)) out.push(...primitiveCmd(p));
  for (const g of view.dto.groups) {
    out.push([optionsCmd(['pcs', 'resource', 'group', 'add', g.id]), ...indent([optionsCmd(g.member_ids)])]);
    const meta = nvsetCmd(undefined, g.meta_attributes);
    if (meta.length) out.push([optionsCmd(['pcs', 'resource', 'meta', g.id]), ...indent(meta)]);
  }
  for (const c of view.dto.clones) out.push([optionsCmd(['pcs', 'resource', 'clone', c.member_id, c.id]), ...indent(nvsetCmd('meta', c.meta_attributes))]);
  return out;
}
