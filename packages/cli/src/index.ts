// Public surface of @hacluster/cli (the commands themselves are its bins).

export { describeCluster, DEMO_CIB_URL } from './demo/main.js';
