// A CIB patch as plain data, after Pacemaker's v2 patchset (<diff format="2">): a list of
// create, delete, modify and move changes, each addressed by an element path that names ids
// (/cib/configuration/resources/primitive[@id='d1']). Positions count the element and comment
// children of the parent, as Pacemaker's do (whitespace is not a node there).

import type { CibVersion } from '../version.js';

export interface AttributeChange {
  name: string;
  operation: 'set' | 'unset';
  /** The new value (set only). */
  value?: string;
  /**
   * The value in the CIB the patch was made from, null when the attribute was absent. A patch
   * read from Pacemaker's XML does not know it: then the key is missing and no conflict on this
   * attribute can be detected.
   */
  original?: string | null;
}

/** A new element (or comment), given as XML, at `position` below the element at `path`. */
export interface CreateChange {
  operation: 'create';
  path: string;
  position: number;
  xml: string;
}

/** Removes the element at `path`; a comment is `<parent path>/comment` with its position. */
export interface DeleteChange {
  operation: 'delete';
  path: string;
  position?: number;
}

/** Sets and unsets attributes of the element at `path`; `result` is all its attributes after. */
export interface ModifyChange {
  operation: 'modify';
  path: string;
  attributes: AttributeChange[];
  result: Record<string, string>;
}

/** Moves the element at `path` to `position` among its siblings. */
export interface MoveChange {
  operation: 'move';
  path: string;
  position: number;
}

export type PatchChange = CreateChange | DeleteChange | ModifyChange | MoveChange;

export interface CibPatch {
  format: 2;
  /** Versions of the two CIBs the patch was made between, when known. */
  source?: CibVersion;
  target?: CibVersion;
  changes: PatchChange[];
}
