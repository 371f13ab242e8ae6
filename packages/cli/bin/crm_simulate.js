#!/usr/bin/env node
// Launcher: runs the bundled command (see load-bundle.js; `pnpm build` makes the bundle).
require('./load-bundle.js').run('crm_simulate');
