// The resources a bundle generates for each replica, as XML for the ordinary resource unpacking
// (Pacemaker's create_container_resource, create_ip_resource and the clone made in
// pe__unpack_bundle): `<bundle>-docker-<n>` (or podman/rkt) running the image,
// `<bundle>-ip-<address>` for ip-range-start, and `<bundle>-clone` around the bundled primitive.

import type { XmlElement } from '@hacluster/cib';
import { element, nvpair } from '../../unpack/remote.js';
import type { BundleData, ReplicaPlan } from './data.js';

/** Where pacemaker-remoted is installed inside the image (Pacemaker's SBIN_DIR). */
const REMOTED = '/usr/sbin/pacemaker-remoted';
export const DEFAULT_REMOTE_PORT = '3121';
export const DEFAULT_REMOTE_KEY_LOCATION = '/etc/pacemaker/authkey';
/** The host directory under which each replica gets its /var/log (Pacemaker's CRM_BUNDLE_DIR). */
export const BUNDLE_LOG_DIR = '/var/log/pacemaker/bundles';

/** Pacemaker's pcmk__xml_sanitize_id: characters an XML id cannot hold become dots. */
export function sanitizeId(id: string): string {
  return id.replace(/[:#]/g, '.');
}

function instanceAttributes(setId: string, pairs: [string, string][]): XmlElement {
  return element(
    'instance_attributes',
    { id: setId },
    pairs.map(([name, value]) => nvpair(setId, name, value)),
  );
}

function operations(id: string): XmlElement {
  return element('operations', {}, [element('op', { id: `${id}-monitor-60s`, name: 'monitor', interval: '60s' })]);
}

function primitive(id: string, type: string, children: XmlElement[]): XmlElement {
  return element('primitive', { id, class: 'ocf', provider: 'heartbeat', type }, children);
}

/** The clone of the bundled primitive, one instance per replica. */
export function bundledCloneXml(data: BundleData, primitiveXml: XmlElement): XmlElement {
  // the <master> tag is long gone, but its name stays in the id so that bundles do not restart
  const suffix = data.promotedMax > 0 ? 'master' : 'clone';
  const setId = `${data.prefix}-clone-meta`;
  const pairs: [string, string][] = [
    ['ordered', 'true'],
    ['clone-max', String(data.nreplicas)],
    ['clone-node-max', String(data.nreplicasPerHost)],
    ['globally-unique', data.nreplicasPerHost > 1 ? 'true' : 'false'],
  ];
  if (data.promotedMax > 0) pairs.push(['promotable', 'true'], ['promoted-max', String(data.promotedMax)]);
  const meta = element('meta_attributes', { id: setId }, pairs.map(([n, v]) => nvpair(setId, n, v)));
  return element('clone', { id: `${data.prefix}-${suffix}` }, [meta, primitiveXml.clone()]);
}

/** The replica's IP address resource (when the bundle has an ip-range-start). */
export function ipXml(data: BundleData, replica: ReplicaPlan): XmlElement | undefined {
  if (data.ipRangeStart === undefined || replica.ipaddr === undefined) return undefined;
  const id = sanitizeId(`${data.prefix}-ip-${replica.ipaddr}`);
  const pairs: [string, string][] = [['ip', replica.ipaddr]];
  if (data.hostNetwork !== undefined) pairs.push(['nic', data.hostNetwork]);
  pairs.push(['cidr_netmask', data.hostNetmask ?? '32']);
  return primitive(id, 'IPaddr2', [instanceAttributes(`${data.prefix}-attributes-${replica.offset}`, pairs), operations(id)]);
}

/** The options the container is run with (the agent's run_opts). */
function runOptions(data: BundleData, replica: ReplicaPlan): { runOpts: string; mountPoints: string } {
  const rkt = data.agent === 'rkt';
  const hostnameOpt = rkt ? '--hostname=' : '-h ';
  const envOpt = rkt ? '--environment=' : '-e ';
  const name = `${data.prefix}-${replica.offset}`;
  let opts = '';
  if (data.agent === 'docker') opts += ' --restart=no';
  // a hostname only when there is an address to go with it
  if (data.ipRangeStart !== undefined) opts += ` ${hostnameOpt}${name}`;
  opts += ` ${envOpt}PCMK_stderr=1`;
  if (data.containerNetwork !== undefined) opts += ` --net=${data.containerNetwork}`;
  opts += ` ${envOpt}PCMK_remote_port=${data.controlPort ?? DEFAULT_REMOTE_PORT}`;
  const subdirs: string[] = [];
  let volume = 0;
  for (const mount of data.mounts) {
    const source = mount.subdir ? `${mount.source}/${name}` : mount.source;
    if (mount.subdir) subdirs.push(source);
    if (rkt) {
      opts += ` --volume vol${volume},kind=host,source=${source}${mount.options !== undefined ? ',' : ''}${mount.options ?? ''} --mount volume=vol${volume},target=${mount.target}`;
      volume++;
    } else {
      opts += ` -v ${source}:${mount.target}${mount.options !== undefined ? `:${mount.options}` : ''}`;
    }
  }
  for (const port of data.ports) {
    if (rkt) {
      opts += replica.ipaddr !== undefined ? ` --port=${port.target}:${replica.ipaddr}:${port.source}` : ` --port=${port.target}:${port.source}`;
    } else if (replica.ipaddr !== undefined) {
      opts += ` -p ${replica.ipaddr}:${port.source}:${port.target}`;
    } else if (data.containerNetwork !== 'host') {
      // with the host's network there is nothing to map
      opts += ` -p ${port.source}:${port.target}`;
    }
  }
  // (upstream appends these even when empty, leaving a trailing space that digests depend on)
  if (data.launcherOptions !== undefined) opts += ` ${data.launcherOptions}`;
  opts += ` ${data.containerHostOptions}`;
  return { runOpts: opts, mountPoints: subdirs.join(',') };
}

/** The replica's container resource. */
export function containerXml(data: BundleData, replica: ReplicaPlan): XmlElement {
  const id = sanitizeId(`${data.prefix}-${data.agent}-${replica.offset}`);
  const { runOpts, mountPoints } = runOptions(data, replica);
  const pairs: [string, string][] = [];
  if (data.image !== undefined) pairs.push(['image', data.image]);
  pairs.push(['allow_pull', 'true'], ['force_kill', 'false'], ['reuse', 'false'], ['run_opts', runOpts], ['mount_points', mountPoints]);
  if (replica.child !== undefined) {
    pairs.push(['run_cmd', data.containerCommand ?? REMOTED]);
  } else if (data.containerCommand !== undefined) {
    pairs.push(['run_cmd', data.containerCommand]);
  }
  // only whether the container is alive: what runs inside is monitored on its own
  pairs.push(['monitor_cmd', '/bin/true']);
  return primitive(id, data.agent, [instanceAttributes(`${data.prefix}-attributes-${replica.offset}`, pairs), operations(id)]);
}

/** The options for every replica's address (--add-host=…), in replica order. */
export function hostOption(data: BundleData, replica: ReplicaPlan): string {
  if (replica.ipaddr === undefined) return '';
  const name = `${data.prefix}-${replica.offset}`;
  if (data.agent !== 'rkt' && data.addHost) return ` --add-host=${name}:${replica.ipaddr}`;
  return ` --hosts-entry=${replica.ipaddr}=${name}`;
}
