// Cluster options and resource/operation defaults as crm_attribute --type reads and writes them:
// the first nvpair of that name in the section's sets, else a new one in Pacemaker's default set
// (cib-bootstrap-options, rsc-options, op-options).

import { appendNew, bumpEpoch, removeElement, type Cib, type XmlElement } from '@hacluster/cib';
import { failed, ok, type Outcome } from './problems.js';

export type OptionSection = 'crm_config' | 'rsc_defaults' | 'op_defaults';

const DEFAULT_SET: Record<OptionSection, { element: string; id: string }> = {
  crm_config: { element: 'cluster_property_set', id: 'cib-bootstrap-options' },
  rsc_defaults: { element: 'meta_attributes', id: 'rsc-options' },
  op_defaults: { element: 'meta_attributes', id: 'op-options' },
};

function findPair(cib: Cib, section: OptionSection, name: string): XmlElement | undefined {
  const el = cib.scope(section);
  if (!el) return undefined;
  for (const set of el.elements(DEFAULT_SET[section].element)) {
    const pair = set.elements('nvpair').find((p) => p.get('name') === name);
    if (pair) return pair;
  }
  return undefined;
}

export function readOption(cib: Cib, section: OptionSection, name: string): Outcome<string> {
  const pair = findPair(cib, section, name);
  return pair ? ok(pair.get('value') ?? '') : failed({ code: 'NO_SUCH_ATTRIBUTE', name });
}

export function setOption(cib: Cib, section: OptionSection, name: string, value: string): Outcome<string> {
  const existing = findPair(cib, section, name);
  if (existing) {
    if (existing.get('value') !== value) {
      existing.set('value', value);
      bumpEpoch(cib.root);
    }
    return ok(existing.id ?? '');
  }
  const spec = DEFAULT_SET[section];
  const el = cib.ensureScope(section);
  const set = el.elements(spec.element).find((s) => s.id === spec.id) ?? el.elements(spec.element)[0] ?? appendNew(el, spec.element, { id: spec.id });
  const id = `${set.id ?? spec.id}-${name}`;
  appendNew(set, 'nvpair', { id, name, value });
  bumpEpoch(cib.root);
  return ok(id);
}

export function deleteOption(cib: Cib, section: OptionSection, name: string): Outcome<string | undefined> {
  const pair = findPair(cib, section, name);
  if (!pair) return ok(undefined);
  removeElement(pair);
  bumpEpoch(cib.root);
  return ok(pair.id);
}
