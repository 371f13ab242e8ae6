// Entry point of the health daemons (see daemon.ts).
import { runDaemon } from './daemon.js';

runDaemon(process.argv[2] ?? '{}');
