// `pcs resource bundle create | reset | update`.

import { appendBundle, resetToMinimal, updateBundle, validateNewBundle, validateReset, validateUpdate, type BundleSpec, type BundleUpdate } from '../../cib/resource/bundle.js';
import { disable, findResourceElement, notFoundReport, resourcesSection } from '../../cib/resource/common.js';
import { IdProvider } from '../../cib/tools.js';
import type { LibraryEnvironment } from '../../env.js';
import { LibraryError } from '../../reports/item.js';

export function bundleCreate(env: LibraryEnvironment, spec: BundleSpec, opts: { force: boolean; disabled: boolean }): void {
  const cib = env.getCib('resource bundle create');
  const ids = new IdProvider(cib);
  env.reports.reportList(validateNewBundle(ids, spec, opts.force)).throwOnErrors();
  const bundle = appendBundle(resourcesSection(cib), ids, spec);
  if (opts.disabled) disable(bundle, ids);
  env.pushCib(cib);
}

function findBundle(env: LibraryEnvironment, id: string, command: string) {
  const cib = env.getCib(command);
  const bundle = findResourceElement(cib, id, ['bundle']);
  if (!bundle) throw new LibraryError(notFoundReport(cib, id, ['bundle']));
  return { cib, bundle };
}

export function bundleReset(env: LibraryEnvironment, id: string, spec: Omit<BundleSpec, 'id' | 'containerType'>, opts: { force: boolean; disabled: boolean }): void {
  const { cib, bundle } = findBundle(env, id, 'resource bundle reset');
  const ids = new IdProvider(cib);
  env.reports.reportList(validateReset(ids, bundle, spec, opts.force)).throwOnErrors();
  resetToMinimal(bundle);
  updateBundle(ids, bundle, { container: spec.container, network: spec.network, portMapAdd: spec.portMaps, portMapRemove: [], storageMapAdd: spec.storageMaps, storageMapRemove: [], meta: spec.meta });
  if (opts.disabled) disable(bundle, ids);
  env.pushCib(cib);
}

export function bundleUpdateCmd(env: LibraryEnvironment, id: string, update: BundleUpdate, opts: { force: boolean }): void {
  const { cib, bundle } = findBundle(env, id, 'resource bundle update');
  const ids = new IdProvider(cib);
  env.reports.reportList(validateUpdate(ids, bundle, update, opts.force)).throwOnErrors();
  updateBundle(ids, bundle, update);
  env.pushCib(cib);
}
