// The resources a resource is mandatorily colocated with, transitively (Pacemaker's
// pcmk__colocated_resources, the shared implementation of the colocated_resources method).

import { INFINITY } from '@hacluster/cib';
import type { Resource } from '../../model/types.js';
import { colocationAffects, CollocAffects, thisWithColocations, withThisColocations } from '../../constraints/colocation.js';

export function colocatedResources(rsc: Resource, origIn: Resource | undefined, list: Resource[]): Resource[] {
  const orig = origIn ?? rsc;
  if (list.includes(rsc)) return list;
  list.push(rsc);
  for (const c of thisWithColocations(rsc)) {
    const primary = c.primary;
    if (primary === orig) continue;
    if (c.score === INFINITY && colocationAffects(rsc, primary, c, true) === CollocAffects.location) {
      list = primary.methods.colocatedResources(primary, orig, list);
    }
  }
  for (const c of withThisColocations(rsc)) {
    const dependent = c.dependent;
    if (dependent === orig) continue;
    if (rsc.variant === 'clone' && dependent.variant !== 'clone') continue;
    if (c.score === INFINITY && colocationAffects(dependent, rsc, c, true) === CollocAffects.location) {
      list = dependent.methods.colocatedResources(dependent, orig, list);
    }
  }
  return list;
}
