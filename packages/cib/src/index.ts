// Public surface of @hacluster/cib.

export { Cib, CRM_FEATURE_SET, SCHEMA_VERSION } from './cib.js';
export { CibError, renderProblem, type CibProblem, type CibProblemCode, type PatchConflictKind } from './errors.js';
export { buildIdIndex, idIsReference, isValidId, type IdIndex } from './ids.js';
export * from './score.js';
export * from './roles.js';
export * from './options.js';
export * from './scopes.js';
export { readScope, scopeXml, replaceScope, type ReplaceScopeOptions } from './scope-edit.js';
export * from './version.js';
export * from './nvsets.js';
export * from './store.js';
export * from './rules/model.js';
export { readRule, dereference } from './rules/read.js';
export * from './rules/evaluate.js';
export * from './time/interval.js';
export * from './time/iso8601.js';
export * from './model/resources.js';
export * from './model/constraints.js';
export * from './model/status.js';
export * from './model/configuration.js';
export * from './xml/tree.js';
export { parseXml, type ParseOptions } from './xml/parse.js';
export { serializeXml, startTag } from './xml/serialize.js';
export { escapeAttribute, unescapeAttribute, unescapeText } from './xml/escape.js';
export { insertElement, insertNode, appendNew, removeElement, removeNode, replaceElement, dropLayout } from './xml/edit.js';
export { sameElement, sameAttributes, sameNode, significantChildren } from './xml/compare.js';
export * from './patch/index.js';
