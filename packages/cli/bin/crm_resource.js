#!/usr/bin/env node
// Thin launcher: the compiled CLI lives in dist/ (run `pnpm build` first).
import { main } from '../dist/shims/crm_resource.js';
process.exitCode = await main(process.argv.slice(2));
