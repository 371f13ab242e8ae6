// A library environment on a temporary CIB file, collecting reports instead of printing them.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Cib } from '@hacluster/cib';
import { LibraryEnvironment } from '../../src/pcs/lib/env.js';
import type { ReportItem } from '../../src/pcs/lib/reports/item.js';

export const TWO_NODES = `<cib crm_feature_set="3.16.1" validate-with="pacemaker-3.9" epoch="1" num_updates="0" admin_epoch="0">
  <configuration>
    <crm_config/>
    <nodes>
      <node id="1" uname="node01"/>
      <node id="2" uname="node02"/>
    </nodes>
    <resources/>
    <constraints/>
  </configuration>
  <status/>
</cib>
`;

export interface TestEnv {
  dir: string;
  file: string;
  env: LibraryEnvironment;
  reports: ReportItem[];
  /** A fresh environment on the same file (each pcs command gets its own). */
  next(): LibraryEnvironment;
  cib(): Cib;
  cleanup(): void;
}

export function testEnv(cibText = TWO_NODES): TestEnv {
  const dir = mkdtempSync(join(tmpdir(), 'pcs-lib.'));
  const file = join(dir, 'cib.xml');
  writeFileSync(file, cibText);
  const reports: ReportItem[] = [];
  const make = () => new LibraryEnvironment({ cibFile: file, cwd: dir, variables: { HOME: dir }, onReport: (r) => void reports.push(r) });
  const t: TestEnv = {
    dir,
    file,
    env: make(),
    reports,
    next: () => (t.env = make()),
    cib: () => make().getCib(),
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
  return t;
}
