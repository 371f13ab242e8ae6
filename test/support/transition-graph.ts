// A transition graph read back from its XML (Pacemaker's <transition_graph>, as crm_simulate -G
// writes it and as ours is rendered), reduced to what scenario tests ask of it: which actions it
// holds and whether one must finish before another starts.

import { parseXml } from '@hacluster/cib';

export interface GraphEvent {
  /** The graph's action id. */
  id: string;
  /** rsc_op (runs on a node), pseudo_event (bookkeeping only) or crm_event (fencing, shutdown). */
  element: string;
  /**
   * The operation key without the clone instance (ubuntu_migrate_to_0, clvmd_start_0,
   * stonith-node01-reboot): Pacemaker writes an anonymous instance's number into the key when the
   * instance has no history yet (clvmd:1_start_0) and leaves it out otherwise.
   */
  key: string;
  operation: string;
  node: string | undefined;
}

export interface ReadGraph {
  events: GraphEvent[];
  /** The actions each action waits for (its synapse's inputs), by id. */
  inputs: Map<string, string[]>;
}

export function readGraph(xml: string): ReadGraph {
  const root = parseXml(xml).root;
  const events = new Map<string, GraphEvent>();
  const inputs = new Map<string, string[]>();
  for (const synapse of root.elements('synapse')) {
    const set = synapse.first('action_set')?.elements() ?? [];
    const waits = (synapse.first('inputs')?.elements('trigger') ?? []).flatMap((t) => t.elements()).map((e) => e.get('id') ?? '');
    for (const el of set) {
      const id = el.get('id') ?? '';
      events.set(id, {
        id,
        element: el.name,
        key: (el.get('operation_key') ?? '').replace(/:\d+_/, '_'),
        operation: el.get('operation') ?? '',
        node: el.get('on_node'),
      });
      inputs.set(id, waits);
    }
  }
  return { events: [...events.values()], inputs };
}

/** The events of one resource (a clone's instances share their primitive's key prefix). */
export function eventsOf(graph: ReadGraph, rsc: string): GraphEvent[] {
  return graph.events.filter((e) => e.key.startsWith(`${rsc}_`));
}

export function findEvent(graph: ReadGraph, key: string, node?: string): GraphEvent | undefined {
  return graph.events.find((e) => e.key === key && (node === undefined || e.node === node));
}

/** Whether `later` waits, directly or through other actions, for `earlier`. */
export function waitsFor(graph: ReadGraph, later: GraphEvent, earlier: GraphEvent): boolean {
  const seen = new Set<string>();
  const todo = [later.id];
  while (todo.length > 0) {
    const id = todo.pop()!;
    for (const input of graph.inputs.get(id) ?? []) {
      if (input === earlier.id) return true;
      if (!seen.has(input)) {
        seen.add(input);
        todo.push(input);
      }
    }
  }
  return false;
}

/** "key on node" for messages, "key" for pseudo-actions. */
export const describeEvent = (e: GraphEvent): string => (e.node === undefined ? e.key : `${e.key} on ${e.node}`);
