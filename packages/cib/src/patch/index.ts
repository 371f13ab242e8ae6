// Diff and patch between CIBs (pcs cluster cib-push diff-against=…, crm_diff, cibadmin --patch).

export type { AttributeChange, CibPatch, CreateChange, DeleteChange, ModifyChange, MoveChange, PatchChange } from './model.js';
export { diffCibs, type DiffOptions } from './diff.js';
export { applyPatch, type ApplyOptions, type ApplyResult } from './apply.js';
export { patchToXml, parsePatchXml, type PatchXmlOptions } from './xml.js';
export { elementPath, parsePath, resolvePath, type PathStep } from './path.js';
