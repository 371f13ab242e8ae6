// Public surface of @hacluster/cli (the commands themselves are its bins).

export { describeCluster, DEMO_CIB_URL } from './demo/main.js';
export { runPcs, PCS_COMPATIBLE_VERSION, type RunContext } from './pcs/cli/app.js';
