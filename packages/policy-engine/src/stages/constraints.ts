// Stage: unpack <constraints> (Pacemaker's pcmk__unpack_constraints). Constraints whose
// <lifetime> rules have all lapsed are skipped.

import type { WorkingSet } from '../model/types.js';
import { rulesPass, ruleTime } from '../util/rules.js';
import { unpackColocation } from '../constraints/colocation.js';
import { unpackLocation } from '../constraints/location.js';
import { unpackOrdering } from '../constraints/ordering.js';
import { unpackRscTicket } from '../constraints/tickets.js';

export function unpackConstraints(ws: WorkingSet): void {
  const section = ws.input.first('configuration')?.first('constraints');
  if (!section) return;
  for (const xml of section.elements()) {
    if (xml.get('id') === undefined) continue;
    const lifetime = xml.first('lifetime');
    if (lifetime && !rulesPass(lifetime, ruleTime(ws), ws.idIndex)) continue;
    switch (xml.name.toLowerCase()) {
      case 'rsc_order':
        unpackOrdering(ws, xml);
        break;
      case 'rsc_colocation':
        unpackColocation(ws, xml);
        break;
      case 'rsc_location':
        unpackLocation(ws, xml);
        break;
      case 'rsc_ticket':
        unpackRscTicket(ws, xml);
        break;
      default:
        break;
    }
  }
}
