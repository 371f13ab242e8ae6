// Cluster properties (<crm_config><cluster_property_set>): set, unset, list, and what Pacemaker
// says about them (its daemons' meta-data, as pcs reads it).

import { XmlElement, type Cib } from '@hacluster/cib';
import type { PcsAgentParameter } from '../agents/metadata.js';
import { nvsetToDto, type NvsetDto } from '../cib/nvset-dto.js';
import { append, IdProvider, remove, subelementId, section } from '../cib/tools.js';
import type { LibraryEnvironment } from '../env.js';
import { error, forceable, LibraryError, type ReportItem, type SeverityFor } from '../reports/item.js';
import * as v from '../validate.js';
import { daemonMetadata } from '../pacemaker/daemons.js';

const READ_ONLY = ['cluster-infrastructure', 'cluster-name', 'dc-version', 'have-watchdog', 'last-lrm-refresh'];
const DEFAULT_SET_ID = 'cib-bootstrap-options';

/** Every cluster property Pacemaker knows (based, controld, schedulerd), by name. */
export function propertyDefinitions(): Map<string, PcsAgentParameter> {
  const out = new Map<string, PcsAgentParameter>();
  for (const d of ['pacemaker-based', 'pacemaker-controld', 'pacemaker-schedulerd'] as const) {
    for (const p of daemonMetadata(d).parameters) out.set(p.name, p);
  }
  return out;
}

/** Property names and their defaults, as `property config --defaults` lists them. */
export function propertyDefaults(): Map<string, string> {
  const out = new Map<string, string>();
  for (const [name, p] of propertyDefinitions()) {
    if (name === 'dc-version' || name === 'cluster-infrastructure') continue;
    out.set(name, p.default ?? '');
  }
  return out;
}

function propertySet(cib: Cib): XmlElement | undefined {
  return cib.scope('crm_config')?.elements('cluster_property_set')[0];
}

/** Configured properties (every set, later sets overriding earlier ones, as pcs lists them). */
export function configuredProperties(env: LibraryEnvironment): Map<string, string> {
  const cib = env.getCib('property config');
  const out = new Map<string, string>();
  for (const nv of [...(cib.scope('crm_config')?.descendants() ?? [])].filter((e) => e.name === 'nvpair')) out.set(nv.get('name') ?? '', nv.get('value') ?? '');
  return out;
}

export function propertySets(env: LibraryEnvironment): NvsetDto[] {
  const cib = env.getCib('property config');
  return (cib.scope('crm_config')?.elements('cluster_property_set') ?? []).map(nvsetToDto);
}

function valueValidator(p: PcsAgentParameter, severity: SeverityFor): v.Validator | undefined {
  switch (p.type) {
    case 'boolean':
      return v.valuePcmkBoolean(p.name, { severity });
    case 'integer':
      return v.valuePcmkInteger(p.name, { severity });
    case 'percentage':
      return v.valuePcmkPercentage(p.name, { severity });
    case 'select':
      return v.valueIn(p.name, p.enumValues ?? [], { severity });
    case 'time':
      return v.valueTimeInterval(p.name, { severity: p.name === 'stonith-watchdog-timeout' ? (m) => error(m) : severity });
    default:
      return undefined;
  }
}

/** `property set name=value…` (empty values unset) and `property unset name…`. */
export function setProperties(env: LibraryEnvironment, properties: [string, string][], force: boolean): void {
  const cib = env.getCib('property set');
  const ids = new IdProvider(cib);
  const defs = propertyDefinitions();
  for (const ro of READ_ONLY) defs.delete(ro);
  let set = propertySet(cib);
  const setId = set?.get('id') ?? DEFAULT_SET_ID;
  const configured = set ? set.elements('nvpair').map((n) => n.get('name') ?? '') : [];
  const severity: SeverityFor = (m) => forceable(m, force);
  const reports: ReportItem[] = [];
  const toSet = properties.filter(([, val]) => val !== '');
  const toRemove = properties.filter(([, val]) => val === '').map(([k]) => k);
  const missing = toRemove.filter((k) => !configured.includes(k));
  if (missing.length) reports.push(severity({ code: 'CANNOT_REMOVE_UNSET_PROPERTY', names: missing.sort(), setId }));
  const named = Object.fromEntries(properties.filter(([k, val]) => !(val === '' && !READ_ONLY.includes(k) && !defs.has(k))));
  const unknown = Object.keys(named).filter((k) => !defs.has(k)).sort();
  const banned = unknown.filter((k) => READ_ONLY.includes(k));
  const forceableUnknown = force ? unknown.filter((k) => !banned.includes(k)) : unknown;
  if (forceableUnknown.length) reports.push(severity({ code: 'INVALID_OPTIONS', optionNames: forceableUnknown, allowed: [...defs.keys()].sort(), optionType: 'cluster property' }));
  if (force && banned.length) reports.push(error({ code: 'INVALID_OPTIONS', optionNames: banned, allowed: [...defs.keys()].sort(), optionType: 'cluster property' }));
  for (const [k, val] of toSet) {
    const p = defs.get(k);
    if (!p) continue;
    const validator = valueValidator(p, severity);
    if (validator) reports.push(...validator({ [k]: val }));
  }
  const swt = properties.find(([k]) => k === 'stonith-watchdog-timeout');
  if (swt && swt[1] !== '' && !['0', '0s'].includes(swt[1]) && v.valueTimeInterval('x')({ x: swt[1] }).length === 0) {
    reports.push(error({ code: 'INVALID_OPTION_VALUE', optionName: 'stonith-watchdog-timeout', optionValue: swt[1], allowedValues: '0 or empty: SBD is not set up here' }));
  }
  env.reports.reportList(reports).throwOnErrors();
  if (!set) {
    if (ids.exists(DEFAULT_SET_ID)) throw new LibraryError(error({ code: 'ID_ALREADY_EXISTS', id: DEFAULT_SET_ID }));
    set = append(section(cib, 'crm_config'), XmlElement.create('cluster_property_set', { id: DEFAULT_SET_ID }));
  }
  for (const [k, val] of properties) {
    const existing = set.elements('nvpair').find((n) => n.get('name') === k);
    if (existing) {
      if (val) existing.set('value', val);
      else remove(existing);
    } else if (val) {
      append(set, XmlElement.create('nvpair', { id: subelementId(set, k.slice(0, 20), ids), name: k, value: val })); // pcs keeps the id short
    }
  }
  env.pushCib(cib);
}
