#!/usr/bin/env node
// Bundles each command (pcs, crm_simulate, the attribute tools) into one CommonJS file under
// dist/bundle/. A command then starts by reading one file, with its compiled code taken from V8's
// code cache (bin/load-bundle.js), instead of resolving, reading and compiling ~300 ES modules:
// that is most of the difference between a 60 ms and a 250 ms `pcs -f` command.

import { build } from 'esbuild';
import { readdir, readFile, rm } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const pkg = dirname(dirname(fileURLToPath(import.meta.url)));
const outdir = join(pkg, 'dist', 'bundle');

/** The commands and the compiled module whose `main(argv)` each one runs. */
export const COMMANDS = {
  pcs: 'dist/bin/pcs.js',
  crm_simulate: 'dist/bin/crm_simulate.js',
  crm_attribute: 'dist/shims/crm_attribute.js',
  crm_master: 'dist/shims/crm_master.js',
  crm_node: 'dist/shims/crm_node.js',
  crm_resource: 'dist/shims/crm_resource.js',
};

// `import.meta.url` does not exist in CommonJS: give every module the URL of its own file, found
// from the bundle's place at run time, so paths like new URL('../resource.d', import.meta.url)
// keep pointing where they did.
const importMetaUrl = {
  name: 'import-meta-url',
  setup(b) {
    b.onLoad({ filter: /\.js$/ }, async (args) => {
      const text = await readFile(args.path, 'utf8');
      if (!text.includes('import.meta.url')) return undefined;
      const rel = relative(outdir, args.path).split('\\').join('/');
      const expr = `require("url").pathToFileURL(require("path").join(__dirname, ${JSON.stringify(rel)})).href`;
      return { contents: text.replaceAll('import.meta.url', expr), loader: 'js' };
    });
  },
};

await build({
  entryPoints: Object.fromEntries(Object.entries(COMMANDS).map(([name, entry]) => [name, join(pkg, entry)])),
  outdir,
  outExtension: { '.js': '.cjs' },
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  // minified: less to read and compile at every start (about 10 ms of a small pcs command); the
  // names stay on functions (keepNames) and the linked source map leads stack traces back
  minify: true,
  keepNames: true,
  sourcemap: 'linked',
  plugins: [importMetaUrl],
  logLevel: 'warning',
});

// V8 accepts a code cache for a source of the same length, so a cache kept from the previous
// build could run old code after an edit that keeps the bundle's length: a new build drops them.
for (const file of await readdir(outdir)) {
  if (file.endsWith('.v8cache')) await rm(join(outdir, file), { force: true });
}
