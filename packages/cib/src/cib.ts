// A CIB document: the parsed tree plus access to its sections and version.

import { CibError } from './errors.js';
import { buildIdIndex, type IdIndex } from './ids.js';
import { CONFIGURATION_ORDER, isScope, type Scope } from './scopes.js';
import { readVersion, type CibVersion } from './version.js';
import { insertElement } from './xml/edit.js';
import { parseXml } from './xml/parse.js';
import { serializeXml } from './xml/serialize.js';
import { XmlElement, type XmlDocument } from './xml/tree.js';

/** The CRM feature set and schema this implementation writes into new CIBs. */
export const CRM_FEATURE_SET = '3.16.1';
export const SCHEMA_VERSION = 'pacemaker-3.9';

export class Cib {
  constructor(readonly doc: XmlDocument) {
    const root = doc.root;
    if (root.name !== 'cib') throw new CibError({ code: 'WRONG_ROOT', found: root.name });
  }

  /** Parses CIB XML; malformed XML and a root other than <cib> are errors naming the file. */
  static parse(text: string, file?: string): Cib {
    const doc = parseXml(text, file === undefined ? {} : { file });
    if (doc.root.name !== 'cib') {
      throw new CibError(file === undefined ? { code: 'WRONG_ROOT', found: doc.root.name } : { code: 'WRONG_ROOT', found: doc.root.name, file });
    }
    return new Cib(doc);
  }

  /** An empty CIB, as `cibadmin --empty` makes it. */
  static blank(): Cib {
    return Cib.parse(
      `<cib crm_feature_set="${CRM_FEATURE_SET}" validate-with="${SCHEMA_VERSION}" epoch="1" num_updates="0" admin_epoch="0">\n` +
        '  <configuration>\n    <crm_config/>\n    <nodes/>\n    <resources/>\n    <constraints/>\n  </configuration>\n' +
        '  <status/>\n</cib>\n',
    );
  }

  get root(): XmlElement {
    return this.doc.root;
  }

  get configuration(): XmlElement {
    const c = this.root.first('configuration');
    if (!c) throw new CibError({ code: 'MISSING_SECTION', section: 'configuration' });
    return c;
  }

  get version(): CibVersion {
    return readVersion(this.root);
  }

  /** The element of a scope, or undefined when the CIB does not have that section. */
  scope(name: Scope | string): XmlElement | undefined {
    if (!isScope(name)) throw new CibError({ code: 'UNKNOWN_SCOPE', scope: name });
    if (name === 'status') return this.root.first('status');
    const configuration = this.root.first('configuration');
    if (name === 'configuration' || !configuration) return configuration;
    return configuration.first(name);
  }

  /** The element of a scope, created (in schema order) when it is missing. */
  ensureScope(name: Scope | string): XmlElement {
    const existing = this.scope(name);
    if (existing) return existing;
    if (name === 'status') return insertElement(this.root, new XmlElement('status'));
    if (name === 'configuration') return insertElement(this.root, new XmlElement('configuration'), this.root.first('status'));
    const configuration = this.ensureScope('configuration');
    const rank = CONFIGURATION_ORDER.indexOf(name);
    const before = configuration.elements().find((e) => CONFIGURATION_ORDER.indexOf(e.name) > rank);
    return insertElement(configuration, new XmlElement(name), before);
  }

  /** Index of configuration ids; built anew on each call, so it sees every edit made so far. */
  ids(): IdIndex {
    return buildIdIndex(this.root);
  }

  toXml(): string {
    return serializeXml(this.doc);
  }

  clone(): Cib {
    return new Cib(this.doc.clone());
  }
}
