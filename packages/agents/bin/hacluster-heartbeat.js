#!/usr/bin/env node
// Thin launcher: push or show a passive heartbeat indicator (run `pnpm build` first).
import { heartbeatCli } from '../dist/health/heartbeat-cli.js';
process.exitCode = heartbeatCli(process.argv.slice(2), (s) => process.stdout.write(s), (s) => process.stderr.write(s));
