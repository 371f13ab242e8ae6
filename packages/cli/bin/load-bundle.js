// Starts a bundled command (dist/bundle/<name>.cjs, made by scripts/bundle.mjs) with V8's code
// cache: the compiled code of the last run is kept beside the bundle and reused, so start-up does
// not compile the command again. A missing, stale or rejected cache only costs that compile.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');
const Module = require('node:module');

function run(name) {
  const file = path.join(__dirname, '..', 'dist', 'bundle', `${name}.cjs`);
  let source;
  try {
    source = fs.readFileSync(file, 'utf8');
  } catch {
    process.stderr.write(`${name}: ${file} is missing; run \`pnpm build\` first\n`);
    process.exitCode = 1;
    return;
  }
  const cacheFile = `${file}.${process.version}.v8cache`;
  let cachedData;
  try {
    cachedData = fs.readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
  const script = new vm.Script(Module.wrap(source), {
    filename: file,
    cachedData,
    importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  });
  const mod = new Module(file, module);
  mod.filename = file;
  mod.paths = Module._nodeModulePaths(path.dirname(file));
  script.runInThisContext().call(mod.exports, mod.exports, Module.createRequire(file), mod, file, path.dirname(file));
  const saveCache = () => {
    if (cachedData !== undefined && !script.cachedDataRejected) return;
    // Written whole under a temporary name, then renamed: a reader never sees half a cache.
    const tmp = `${cacheFile}.${process.pid}.tmp`;
    try {
      fs.writeFileSync(tmp, script.createCachedData());
      fs.renameSync(tmp, cacheFile);
    } catch {
      try {
        fs.unlinkSync(tmp);
      } catch {
        // a read-only install simply runs without the cache
      }
    }
  };
  Promise.resolve(mod.exports.main(process.argv.slice(2))).then(
    (code) => {
      process.exitCode = code;
      saveCache();
    },
    (e) => {
      process.stderr.write(`${name}: internal error: ${e && e.stack ? e.stack : e}\n`);
      process.exitCode = 70;
    },
  );
}

module.exports = { run };
