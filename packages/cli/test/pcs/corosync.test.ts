// corosync.conf: reading, writing in pcs's layout, and `cluster setup --corosync_conf`.

import { afterEach, describe, expect, it } from 'vitest';
import { CorosyncParseError, parseCorosyncConf } from '../../src/pcs/lib/corosync/config.js';
import { clusterName, corosyncConfDto, corosyncNodes } from '../../src/pcs/lib/corosync/facade.js';
import { setupLocal } from '../../src/pcs/lib/commands/cluster-setup.js';
import { LibraryError } from '../../src/pcs/lib/reports/item.js';
import { testEnv, type TestEnv } from './helpers.js';

let t: TestEnv;
afterEach(() => t?.cleanup());

const TWO_NODE_CONF = `totem {
    version: 2
    cluster_name: mycluster
    transport: knet
    crypto_cipher: aes256
    crypto_hash: sha256
}

nodelist {
    node {
        ring0_addr: 192.0.2.1
        name: node01
        nodeid: 1
    }

    node {
        ring0_addr: 192.0.2.2
        name: node02
        nodeid: 2
    }
}

quorum {
    provider: corosync_votequorum
    two_node: 1
}

logging {
    to_logfile: yes
    logfile: /var/log/corosync/corosync.log
    to_syslog: yes
    timestamp: on
}
`;

describe('corosync.conf', () => {
  it('reads sections and attributes and writes them back in the same layout', () => {
    const root = parseCorosyncConf(TWO_NODE_CONF);
    expect(clusterName(root)).toBe('mycluster');
    expect(corosyncNodes(root).map((n) => [n.name, n.nodeid, n.addrs])).toEqual([
      ['node01', '1', [['0', '192.0.2.1']]],
      ['node02', '2', [['0', '192.0.2.2']]],
    ]);
    expect(root.export()).toBe(TWO_NODE_CONF);
  });

  it('names the line of a structural error', () => {
    expect(() => parseCorosyncConf('totem {\n  version: 2\n')).toThrow(CorosyncParseError);
    try {
      parseCorosyncConf('a {\n}\n}\n');
    } catch (e) {
      expect((e as CorosyncParseError).problem).toBe('unexpected-closing-brace');
      expect((e as CorosyncParseError).line).toBe(3);
    }
    expect(() => parseCorosyncConf('just words\n')).toThrow(/not-section-nor-key-value/);
  });

  it('gives the structured form pcs cluster config shows', () => {
    const dto = corosyncConfDto(parseCorosyncConf(TWO_NODE_CONF));
    expect(dto).toMatchObject({ cluster_name: 'mycluster', cluster_uuid: null, transport: 'KNET', crypto_options: { cipher: 'aes256', hash: 'sha256' } });
  });
});

describe('cluster setup --corosync_conf', () => {
  it('writes what pcs writes for two nodes with one address each', async () => {
    t = testEnv();
    const text = await setupLocal(t.env, {
      clusterName: 'mycluster',
      nodes: [
        { name: 'node01', addrs: ['192.0.2.1'] },
        { name: 'node02', addrs: ['192.0.2.2'] },
      ],
      noClusterUuid: true,
    });
    expect(text).toBe(TWO_NODE_CONF);
  });

  it('adds a cluster uuid unless told not to, and two_node only for two nodes', async () => {
    t = testEnv();
    const text = await setupLocal(t.env, {
      clusterName: 'c3',
      nodes: [
        { name: 'a', addrs: ['10.0.0.1'] },
        { name: 'b', addrs: ['10.0.0.2'] },
        { name: 'c', addrs: ['10.0.0.3'] },
      ],
    });
    expect(text).toMatch(/cluster_uuid: [0-9a-f]{32}\n/);
    expect(text).not.toContain('two_node');
  });

  it('refuses duplicate names and addresses, mismatched address counts and unknown options, all at once', async () => {
    t = testEnv();
    await expect(
      setupLocal(t.env, {
        clusterName: 'c',
        nodes: [
          { name: 'a', addrs: ['10.0.0.1'] },
          { name: 'a', addrs: ['10.0.0.1', '10.0.1.1'] },
        ],
        totem: { bogus: '1' },
        noClusterUuid: true,
      }),
    ).rejects.toThrow(LibraryError);
    const codes = t.reports.filter((r) => r.severity === 'error').map((r) => r.message.code);
    expect(codes).toEqual(expect.arrayContaining(['NODE_NAMES_DUPLICATION', 'NODE_ADDRESSES_DUPLICATION', 'INVALID_OPTIONS']));
  });

  it('refuses a node name that does not resolve unless forced', async () => {
    t = testEnv();
    await expect(setupLocal(t.env, { clusterName: 'c', nodes: [{ name: 'no-such-host.invalid' }], noClusterUuid: true })).rejects.toThrow(LibraryError);
    expect(t.reports.some((r) => r.message.code === 'NODE_ADDRESSES_UNRESOLVABLE' && r.forceCode === 'FORCE')).toBe(true);
    const forced = await setupLocal(t.next(), { clusterName: 'c', nodes: [{ name: 'no-such-host.invalid' }], noClusterUuid: true, force: true });
    expect(forced).toContain('ring0_addr: no-such-host.invalid');
  });
});
