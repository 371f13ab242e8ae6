// Public surface of @hacluster/cli (the commands themselves are its bins).

export { describeCluster, demo, DEMO_CIB_URL } from './demo/main.js';
export { tellStory, plan, GUIDE, type Page, type Plan } from './demo/story.js';
export { renderPages } from './demo/render.js';
export { runPcs, PCS_COMPATIBLE_VERSION, type RunContext } from './pcs/cli/app.js';
