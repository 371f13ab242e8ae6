// The writer of the crash test (store-crash.test.ts): writes CIBs of rising epoch to one file in
// a loop until it is killed. Its CIBs differ in size from epoch to epoch, so a torn file would
// show. cibText(epoch) is also what the test compares the file with.

import { pathToFileURL } from 'node:url';

/** The CIB written at `epoch`: a few hundred kilobytes, deterministic. */
export function cibText(epoch) {
  const count = 1000 + (epoch % 4) * 500;
  const lines = [
    `<cib crm_feature_set="3.16.1" validate-with="pacemaker-3.9" epoch="${epoch}" num_updates="0" admin_epoch="0">`,
    '  <configuration>',
    '    <crm_config/>',
    '    <nodes/>',
    '    <resources>',
  ];
  for (let i = 0; i < count; i++) {
    lines.push(`      <primitive id="r${i}" class="ocf" provider="heartbeat" type="Dummy" description="one of ${count}"/>`);
  }
  lines.push('    </resources>', '    <constraints/>', '  </configuration>', '  <status/>', '</cib>', '');
  return lines.join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { Cib, writeCibFile } = await import('../../dist/index.js');
  const [file, start] = process.argv.slice(2);
  // Parsed beforehand, so that the loop spends its time writing.
  const variants = Array.from({ length: 4 }, (_, k) => Cib.parse(cibText(k)));
  process.stdout.write('ready\n');
  for (let epoch = Number(start); ; epoch++) {
    const cib = variants[epoch % 4];
    cib.root.set('epoch', String(epoch));
    writeCibFile(file, cib, { backups: 3 });
    process.stdout.write(`${epoch}\n`);
  }
}
