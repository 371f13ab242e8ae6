// The variant method table: one row per variant (Pacemaker's assignment_methods[]).

import type { Variant } from '../model/types.js';
import type { VariantMethods } from './methods.js';
import { primitiveMethods } from './primitive/index.js';
import { groupMethods } from './group/index.js';
import { cloneMethods } from './clone/index.js';
import { bundleMethods } from './bundle/index.js';
import { SchedulerError } from '../errors.js';

const TABLE: Partial<Record<Variant, VariantMethods>> = {
  primitive: primitiveMethods,
  group: groupMethods,
  clone: cloneMethods,
  bundle: bundleMethods,
};

/**
 * The methods of a variant (an error naming the variant for one without a row, not a silent
 * fallback).
 */
export function methodsFor(variant: Variant): VariantMethods {
  const methods = TABLE[variant];
  if (methods === undefined) throw new SchedulerError({ code: 'UNSUPPORTED_VARIANT', variant });
  return methods;
}

/** Adds (or replaces) a variant's row; how later variants join the table. */
export function registerVariant(variant: Variant, methods: VariantMethods): void {
  TABLE[variant] = methods;
}
