// Reading the configured resources as data (for `resource config`, `stonith config`, `config`).

import { bundleToDto, resourcesToDto, type ResourcesDto } from '../../cib/resource/dto.js';
import type { LibraryEnvironment } from '../../env.js';
import { warning } from '../../reports/item.js';

export function getConfiguredResources(env: LibraryEnvironment): ResourcesDto {
  const cib = env.getCib('resource config');
  const dto = resourcesToDto(cib);
  for (const b of dto.bundles) {
    if (!(b.container_type && b.container_options)) {
      env.reports.report(warning({ code: 'RESOURCE_BUNDLE_UNSUPPORTED_CONTAINER_TYPE', bundle: b.id, supported: ['docker', 'podman', 'rkt'] }));
    }
  }
  void bundleToDto;
  return dto;
}
