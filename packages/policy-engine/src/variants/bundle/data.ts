// A bundle's own settings and replicas (Pacemaker's pe__bundle_variant_data_t and
// pcmk__bundle_replica_t, lib/pengine/bundle.c).

import type { Node, NodeScore, Resource } from '../../model/types.js';

/** The container technology a bundle runs its replicas in. */
export type ContainerAgent = 'docker' | 'podman' | 'rkt';

/** One replica: its container, optional IP address and connection, and the bundled instance. */
export interface BundleReplica {
  /** The replica number (0, 1, …), as in `<bundle>-docker-<n>`. */
  readonly offset: number;
  /** The address from ip-range-start, if the bundle has one. */
  readonly ipaddr: string | undefined;
  /** The instance of the bundled primitive that runs inside this replica. */
  readonly child: Resource | undefined;
  ip: Resource | undefined;
  container: Resource;
  /** The connection to pacemaker-remoted inside the container (when a primitive is bundled). */
  remote: Resource | undefined;
  /** The guest node the connection makes, with the score its instance gets there (500). */
  node: NodeScore | undefined;
}

/** What a replica is before its resources exist: its number, address and instance. */
export type ReplicaPlan = Pick<BundleReplica, 'offset' | 'ipaddr' | 'child'>;

export interface BundlePort {
  source: string;
  target: string;
}

export interface BundleMount {
  source: string;
  target: string;
  options: string | undefined;
  /** Mount a replica's own subdirectory of source (source-dir-root). */
  subdir: boolean;
}

export interface BundleData {
  readonly agent: ContainerAgent;
  readonly promotedMax: number;
  readonly nreplicas: number;
  nreplicasPerHost: number;
  /** The bundle's id, which every generated resource is named after. */
  readonly prefix: string;
  readonly image: string | undefined;
  readonly hostNetwork: string | undefined;
  readonly hostNetmask: string | undefined;
  readonly controlPort: string | undefined;
  readonly containerNetwork: string | undefined;
  readonly ipRangeStart: string | undefined;
  readonly addHost: boolean;
  readonly containerCommand: string | undefined;
  readonly launcherOptions: string | undefined;
  /** The options every container gets for the replicas' addresses (--add-host=…). */
  containerHostOptions: string;
  /** The bundled clone (the primitive inside, cloned once per replica), if any. */
  child: Resource | undefined;
  replicas: BundleReplica[];
  ports: BundlePort[];
  mounts: BundleMount[];
}

/** The bundle a resource is, or is inside (undefined when it is in none). */
export function bundleOf(rsc: Resource): Resource | undefined {
  for (let r: Resource | undefined = rsc; r !== undefined; r = r.parent) if (r.variant === 'bundle') return r;
  return undefined;
}

/** Pacemaker's pe__node_is_bundle_instance: is the node one of this bundle's guest nodes? */
export function isBundleNode(bundle: Resource, node: Node): boolean {
  return bundle.bundle!.replicas.some((r) => r.node?.node === node);
}

/** The bundle's containers, in replica order (pe__bundle_containers). */
export function bundleContainers(bundle: Resource): Resource[] {
  return bundle.bundle!.replicas.map((r) => r.container);
}

/** The replica whose container this is, if it is one. */
export function replicaOfContainer(rsc: Resource): BundleReplica | undefined {
  const bundle = rsc.parent;
  if (bundle?.variant !== 'bundle') return undefined;
  return bundle.bundle!.replicas.find((r) => r.container === rsc);
}
