// What a primitive adds to the utilization of resources still to be placed together
// (Pacemaker's pcmk__primitive_add_utilization).

import type { Resource } from '../../model/types.js';
import { releaseNodeCapacity } from '../../assign/utilization.js';

export function primitiveAddUtilization(rsc: Resource, _orig: Resource, _all: readonly Resource[], utilization: Map<string, string>): void {
  if (rsc.provisional) releaseNodeCapacity(utilization, rsc);
}
