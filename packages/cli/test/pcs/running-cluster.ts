// A CIB whose status section says what runs where: the configuration is started by the
// simulator (both nodes brought up, the transition executed) until nothing more happens.

import { Cib } from '@hacluster/cib';
import { simulateCluster } from '@hacluster/policy-engine';

/** Runs the cluster until it settles; returns the CIB text with its status. */
export function settle(cibText: string, nodes: string[]): string {
  const cib = Cib.parse(cibText);
  cib.ensureScope('status');
  simulateCluster(cib.root, { simulate: true, quiet: true, injections: { nodeUp: nodes } });
  for (let round = 0; round < 5; round++) {
    const r = simulateCluster(cib.root, { simulate: true, quiet: true });
    if (!r.schedule?.graph.synapses.length) break;
  }
  return cib.toXml();
}

/** A two-node CIB (no fencing, quorum ignored) with these resources, constraints and extra configuration. */
export const twoNodeCib = (resources: string, constraints = '', extra = '') => `<cib crm_feature_set="3.16.1" validate-with="pacemaker-3.9" epoch="1" num_updates="0" admin_epoch="0">
  <configuration>
    <crm_config>
      <cluster_property_set id="cib-bootstrap-options">
        <nvpair id="o1" name="stonith-enabled" value="false"/>
        <nvpair id="o2" name="no-quorum-policy" value="ignore"/>
      </cluster_property_set>
    </crm_config>
    <nodes>
      <node id="1" uname="node01"/>
      <node id="2" uname="node02"/>
    </nodes>
    <resources>
${resources}
    </resources>
    <constraints>
${constraints}
    </constraints>
${extra}  </configuration>
  <status/>
</cib>
`;

/** The configuration to settle: a primitive, a group and a clone on two nodes, stickiness 200. */
export const THREE_KINDS = (constraints: string) =>
  twoNodeCib(
    `      <primitive id="d1" class="ocf" type="Dummy" provider="pacemaker"/>
      <group id="g1">
        <primitive id="g1a" class="ocf" type="Dummy" provider="pacemaker"/>
      </group>
      <clone id="c1-clone">
        <primitive id="c1" class="ocf" type="Dummy" provider="pacemaker"/>
      </clone>`,
    constraints,
    `    <rsc_defaults>
      <meta_attributes id="rsc-defaults">
        <nvpair id="rsc-defaults-stickiness" name="resource-stickiness" value="200"/>
      </meta_attributes>
    </rsc_defaults>
`,
  );

/** d1 started on node01 and g1 on node02, then the preferences turned around. */
export function heldByStickiness(): string {
  const running = settle(
    THREE_KINDS(
      [
        '      <rsc_location id="l-d1" rsc="d1" node="node02" score="-INFINITY"/>',
        '      <rsc_location id="l-g1" rsc="g1" node="node01" score="-INFINITY"/>',
      ].join('\n'),
    ),
    ['node01', 'node02'],
  );
  return running
    .replace('<rsc_location id="l-d1" rsc="d1" node="node02" score="-INFINITY"/>', '<rsc_location id="l-d1" rsc="d1" node="node02" score="100"/>')
    .replace('<rsc_location id="l-g1" rsc="g1" node="node01" score="-INFINITY"/>', '<rsc_location id="l-g1" rsc="g1" node="node01" score="100"/>');
}
