// Small CIB files for tests that run tools against CIB_file, and the repository's bin directory
// (node_modules/.bin) where `pnpm install` puts our tools (crm_attribute, crm_master...).

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from './corpus.js';

export const REPO_BIN = join(REPO_ROOT, 'node_modules', '.bin');

/** A two-node CIB (node1, node2 online members) with optional extra configuration. */
export function twoNodeCib(options: { crmConfig?: string; resources?: string; status?: string } = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'cib-'));
  const file = join(dir, 'cib.xml');
  const state = (id: string, uname: string): string => `    <node_state id="${id}" uname="${uname}" in_ccm="true" crmd="online" join="member" expected="member"/>\n`;
  writeFileSync(
    file,
    '<cib crm_feature_set="3.16.1" validate-with="pacemaker-3.9" epoch="5" num_updates="0" admin_epoch="0">\n' +
      '  <configuration>\n' +
      `    <crm_config>\n${options.crmConfig ?? ''}    </crm_config>\n` +
      '    <nodes>\n      <node id="1" uname="node1"/>\n      <node id="2" uname="node2"/>\n    </nodes>\n' +
      `    <resources>\n${options.resources ?? ''}    </resources>\n` +
      '    <constraints/>\n' +
      '  </configuration>\n' +
      `  <status>\n${options.status ?? state('1', 'node1') + state('2', 'node2')}  </status>\n` +
      '</cib>\n',
  );
  return file;
}
