// Live migration of a primitive (Pacemaker's pcmk_sched_migration.c): migrate_to on the current
// node and migrate_from on the target replace stop and start (which become pseudo-actions).

import { ActionFlag, OrderFlag } from '../../model/flags.js';
import type { Action, Node, Resource } from '../../model/types.js';
import { customAction, startAction, stopAction } from '../../actions/action.js';
import { newOrdering } from '../../constraints/ordering.js';
import { scheduleCleanup } from '../../stages/config-changes.js';
import { opKey } from '../../util/opkey.js';
import { setActionMeta, setActionMetaIfUnset } from '../../actions/action-meta.js';

function addMigrationMeta(action: Action, source: Node, target: Node): void {
  setActionMetaIfUnset(action, 'migrate_source', source.uname);
  setActionMetaIfUnset(action, 'migrate_target', target.uname);
}

export function createMigrationActions(rsc: Resource, current: Node): void {
  const ws = rsc.cluster;
  const target = rsc.assignedTo!.node;
  const start = startAction(rsc, target, true);
  const stop = stopAction(rsc, current, true);
  let migrateTo;
  if (rsc.partialMigrationTarget === undefined) {
    migrateTo = customAction(rsc, ws, opKey(rsc.id, 'migrate_to'), 'migrate_to', current, true);
  }
  const migrateFrom = customAction(rsc, ws, opKey(rsc.id, 'migrate_from'), 'migrate_from', target, true);
  if (migrateTo !== undefined || rsc.partialMigrationTarget !== undefined) {
    start.flags |= ActionFlag.migrateRunnable;
    stop.flags |= ActionFlag.migrateRunnable;
    start.flags |= ActionFlag.pseudo;
    if (rsc.partialMigrationTarget === undefined) {
      migrateFrom.flags |= ActionFlag.migrateRunnable;
      if (migrateTo !== undefined) {
        migrateTo.flags |= ActionFlag.migrateRunnable;
        migrateTo.needs = start.needs;
      }
      newOrdering(ws, rsc, opKey(rsc.id, 'monitor'), undefined, rsc, opKey(rsc.id, 'migrate_to'), undefined, OrderFlag.optional);
      newOrdering(ws, rsc, opKey(rsc.id, 'migrate_to'), undefined, rsc, opKey(rsc.id, 'migrate_from'), undefined, OrderFlag.optional | OrderFlag.impliesFirstMigratable);
    } else {
      migrateFrom.flags |= ActionFlag.migrateRunnable;
      migrateFrom.needs = start.needs;
      newOrdering(ws, rsc, opKey(rsc.id, 'monitor'), undefined, rsc, opKey(rsc.id, 'migrate_from'), undefined, OrderFlag.optional);
    }
    newOrdering(ws, rsc, opKey(rsc.id, 'migrate_from'), undefined, rsc, opKey(rsc.id, 'stop'), undefined, OrderFlag.optional | OrderFlag.impliesFirstMigratable);
    newOrdering(
      ws,
      rsc,
      opKey(rsc.id, 'migrate_from'),
      undefined,
      rsc,
      opKey(rsc.id, 'start'),
      undefined,
      OrderFlag.optional | OrderFlag.impliesFirstMigratable | OrderFlag.pseudoLeft,
    );
  }
  if (migrateTo !== undefined) {
    addMigrationMeta(migrateTo, current, target);
    // a pending migrate_to must be recorded (whatever record-pending says), in case the source
    // node leaves while it runs; remote connections do not need it
    if (!rsc.isRemoteNode) setActionMeta(migrateTo, 'record-pending', 'true');
  }
  addMigrationMeta(migrateFrom, current, target);
}

export function abortDanglingMigration(rsc: Resource, source: Node): void {
  const stop = stopAction(rsc, source, false);
  stop.flags |= ActionFlag.dangle;
  if (rsc.cluster.flags.removeAfterStop) scheduleCleanup(rsc, source, false);
}

/** Pacemaker's pcmk__rsc_can_migrate. */
export function canMigrate(rsc: Resource, current: Node | undefined): boolean {
  if (!rsc.allowMigrate) return false;
  if (!rsc.managed) return false;
  if (rsc.failed) return false;
  if (rsc.startPending) return false;
  if (current === undefined || current.unclean) return false;
  if (rsc.assignedTo === undefined || rsc.assignedTo.node.unclean) return false;
  return true;
}
