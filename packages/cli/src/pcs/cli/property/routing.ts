// `pcs property …` routing table.
export { propertyRouter } from './commands.js';
