// Meta-attributes a primitive adds to its actions in the graph (Pacemaker's
// pcmk__primitive_add_graph_meta): clone instance number, remote node name, container.

import type { Resource } from '../../model/types.js';

export function primitiveAddGraphMeta(rsc: Resource, attrs: Map<string, string>): void {
  const add = (name: string, value: string | undefined) => {
    if (value !== undefined) attrs.set(name, value);
  };
  add('CRM_meta_clone', rsc.meta.get('clone'));
  add('CRM_meta_remote_node', rsc.meta.get('remote-node'));
  for (let p: Resource | undefined = rsc; p !== undefined; p = p.parent) {
    if (p.container !== undefined) attrs.set('CRM_meta_container', p.container.id);
  }
  add('pcmk_external_ip', rsc.meta.get('external-ip'));
}
