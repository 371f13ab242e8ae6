// Meta-data of our own agents, written as data and rendered to the OCF XML every agent prints for
// `meta-data`. We claim OCF API 1.0 like the shell agents we replace (drbd, Filesystem,
// VirtualDomain do), so the XML validates against ra-api-1.dtd, which ocf-tester checks.

import { escapeXml } from './xml-escape.js';

export type ParameterType = 'string' | 'integer' | 'boolean' | 'time';

export interface ParameterSpec {
  name: string;
  shortdesc: string;
  longdesc: string;
  type: ParameterType;
  default?: string;
  required?: boolean;
  unique?: boolean;
}

export interface ActionSpec {
  name: 'start' | 'stop' | 'monitor' | 'promote' | 'demote' | 'notify' | 'migrate_to' | 'migrate_from' | 'reload' | 'meta-data' | 'validate-all' | 'status';
  timeout: string;
  interval?: string;
  role?: 'Master' | 'Slave';
  depth?: string;
}

export interface MetadataSpec {
  type: string;
  version: string;
  shortdesc: string;
  longdesc: string;
  parameters: ParameterSpec[];
  actions: ActionSpec[];
}

export function renderMetadata(spec: MetadataSpec): string {
  const out: string[] = [];
  out.push('<?xml version="1.0"?>');
  out.push('<!DOCTYPE resource-agent SYSTEM "ra-api-1.dtd">');
  out.push(`<resource-agent name="${escapeXml(spec.type)}" version="${escapeXml(spec.version)}">`);
  out.push('<version>1.0</version>');
  out.push(`<longdesc lang="en">${escapeXml(spec.longdesc)}</longdesc>`);
  out.push(`<shortdesc lang="en">${escapeXml(spec.shortdesc)}</shortdesc>`);
  out.push('<parameters>');
  for (const p of spec.parameters) {
    out.push(`<parameter name="${escapeXml(p.name)}" unique="${p.unique ? 1 : 0}" required="${p.required ? 1 : 0}">`);
    out.push(`<longdesc lang="en">${escapeXml(p.longdesc)}</longdesc>`);
    out.push(`<shortdesc lang="en">${escapeXml(p.shortdesc)}</shortdesc>`);
    const dflt = p.default !== undefined ? ` default="${escapeXml(p.default)}"` : '';
    out.push(`<content type="${p.type}"${dflt} />`);
    out.push('</parameter>');
  }
  out.push('</parameters>');
  out.push('<actions>');
  for (const a of spec.actions) {
    const attrs = [`name="${a.name}"`, `timeout="${a.timeout}"`];
    if (a.interval !== undefined) attrs.push(`interval="${a.interval}"`);
    if (a.depth !== undefined) attrs.push(`depth="${a.depth}"`);
    if (a.role !== undefined) attrs.push(`role="${a.role}"`);
    out.push(`<action ${attrs.join(' ')} />`);
  }
  out.push('</actions>');
  out.push('</resource-agent>');
  return out.join('\n') + '\n';
}

/** Instance parameters with the meta-data's defaults filled in. */
export function withDefaults(spec: MetadataSpec, params: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of spec.parameters) if (p.default !== undefined) out[p.name] = p.default;
  for (const [k, v] of Object.entries(params)) out[k] = v;
  return out;
}

export function missingRequired(spec: MetadataSpec, params: Record<string, string>): string[] {
  return spec.parameters.filter((p) => p.required && (params[p.name] ?? '') === '').map((p) => p.name);
}
