// Patches in Pacemaker's own XML form (<diff format="2">, what `crm_diff` prints and
// `cibadmin --patch` reads), so a patch can go to and come from Pacemaker's tools.

import { CibError } from '../errors.js';
import type { CibVersion } from '../version.js';
import { insertElement, insertNode } from '../xml/edit.js';
import { parseXml } from '../xml/parse.js';
import { serializeXml } from '../xml/serialize.js';
import { XmlComment, XmlDocument, XmlElement, XmlText } from '../xml/tree.js';
import type { AttributeChange, CibPatch, PatchChange } from './model.js';
import { parsePath } from './path.js';

export interface PatchXmlOptions {
  /** Write the <version> element (crm_diff leaves it out with --no-version). Default true. */
  withVersion?: boolean;
}

const versionAttributes = (v: CibVersion) => ({
  admin_epoch: String(v.adminEpoch),
  epoch: String(v.epoch),
  num_updates: String(v.numUpdates),
});

/** The patch as Pacemaker's <diff format="2"> document. */
export function patchToXml(patch: CibPatch, options: PatchXmlOptions = {}): string {
  const diff = XmlElement.create('diff', { format: '2' });
  const doc = new XmlDocument([diff, new XmlText('\n')]);
  if ((options.withVersion ?? true) && patch.source && patch.target) {
    const version = insertElement(diff, XmlElement.create('version'));
    insertElement(version, XmlElement.create('source', versionAttributes(patch.source)));
    insertElement(version, XmlElement.create('target', versionAttributes(patch.target)));
  }
  for (const c of patch.changes) {
    const change = insertElement(
      diff,
      XmlElement.create('change', {
        operation: c.operation,
        path: c.path,
        position: 'position' in c && c.position !== undefined ? String(c.position) : undefined,
      }),
    );
    if (c.operation === 'create') insertNode(change, createdNode(c.xml));
    if (c.operation === 'modify') {
      const list = insertElement(change, XmlElement.create('change-list'));
      for (const a of c.attributes) {
        insertElement(list, XmlElement.create('change-attr', { name: a.name, operation: a.operation, value: a.operation === 'set' ? a.value : undefined }));
      }
      const result = insertElement(change, XmlElement.create('change-result'));
      insertElement(result, XmlElement.create(elementName(c.path), c.result));
    }
  }
  return serializeXml(doc);
}

function createdNode(xml: string): XmlElement | XmlComment {
  const t = xml.trim();
  if (t.startsWith('<!--') && t.endsWith('-->')) return new XmlComment(t.slice(4, -3));
  return parseXml(t).root;
}

/** The element name of a path's last step. */
function elementName(path: string): string {
  const steps = parsePath(path);
  return steps[steps.length - 1]!.name;
}

/** Reads Pacemaker's <diff format="2">; other formats and malformed changes are BAD_PATCH. */
export function parsePatchXml(text: string): CibPatch {
  const root = parseXml(text).root;
  const bad = (reason: string): never => {
    throw new CibError({ code: 'BAD_PATCH', reason });
  };
  if (root.name !== 'diff') bad(`the root element is <${root.name}>, expected <diff>`);
  if (root.get('format') !== '2') bad(`format ${root.get('format') ?? '1'} patches are not supported, only format 2`);
  const patch: CibPatch = { format: 2, changes: [] };
  const version = root.first('version');
  const source = version?.first('source');
  const target = version?.first('target');
  if (source) patch.source = readVersionElement(source, bad);
  if (target) patch.target = readVersionElement(target, bad);
  for (const el of root.elements('change')) patch.changes.push(readChange(el, bad));
  return patch;
}

function readVersionElement(el: XmlElement, bad: (reason: string) => never): CibVersion {
  const n = (name: string) => {
    const v = el.get(name);
    if (v === undefined || !/^-?\d+$/.test(v)) bad(`<${el.name}> has no valid ${name}`);
    return Number(v);
  };
  return { adminEpoch: n('admin_epoch'), epoch: n('epoch'), numUpdates: n('num_updates') };
}

function readChange(el: XmlElement, bad: (reason: string) => never): PatchChange {
  const operation = el.get('operation');
  const path = el.get('path') ?? bad(`a <change> has no path`);
  const positionText = el.get('position');
  let position: number | undefined;
  if (positionText !== undefined) {
    if (!/^\d+$/.test(positionText)) bad(`the change at ${path} has position '${positionText}'`);
    position = Number(positionText);
  }
  const needPosition = () => position ?? bad(`the ${operation} at ${path} has no position`);
  switch (operation) {
    case 'create': {
      const node = el.children.find((c) => c.kind === 'element' || c.kind === 'comment');
      if (!node) return bad(`the create at ${path} holds nothing to create`);
      return { operation, path, position: needPosition(), xml: node.kind === 'comment' ? `<!--${node.content}-->` : serializeXml(node) };
    }
    case 'delete':
      return position === undefined ? { operation, path } : { operation, path, position };
    case 'move':
      return { operation, path, position: needPosition() };
    case 'modify': {
      const attributes: AttributeChange[] = [];
      for (const a of el.first('change-list')?.elements('change-attr') ?? []) {
        const name = a.get('name');
        const op = a.get('operation');
        if (name === undefined || (op !== 'set' && op !== 'unset')) bad(`the modify at ${path} has a malformed <change-attr>`);
        attributes.push(op === 'set' ? { name: name!, operation: 'set', value: a.get('value') ?? '' } : { name: name!, operation: 'unset' });
      }
      const result = el.first('change-result')?.first()?.attributes() ?? {};
      if (attributes.length === 0) {
        // Without a change list, the result is what the element's attributes become.
        for (const [name, value] of Object.entries(result)) attributes.push({ name, operation: 'set', value });
      }
      return { operation, path, attributes, result };
    }
    default:
      return bad(`unknown operation '${operation ?? ''}' at ${path}`);
  }
}
