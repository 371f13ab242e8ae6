// The kernel's mount table (/proc/mounts), with its octal escapes undone.

import { readFileSync } from 'node:fs';

export interface MountEntry {
  device: string;
  directory: string;
  fstype: string;
  options: string;
}

function unescapeMount(s: string): string {
  return s.replace(/\\([0-7]{3})/g, (_, o: string) => String.fromCharCode(parseInt(o, 8)));
}

export function parseMounts(text: string): MountEntry[] {
  return text
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => {
      const [device = '', directory = '', fstype = '', options = ''] = l.split(' ');
      return { device: unescapeMount(device), directory: unescapeMount(directory), fstype, options };
    });
}

export function readMounts(file = '/proc/mounts'): MountEntry[] {
  return parseMounts(readFileSync(file, 'utf8'));
}

/** A directory as the mount table spells it: absolute, no trailing slash. */
export function canonicalMountPoint(dir: string): string {
  const trimmed = dir.replace(/\/+$/, '');
  return trimmed === '' ? '/' : trimmed;
}

export function mountsAt(entries: MountEntry[], directory: string): MountEntry[] {
  const d = canonicalMountPoint(directory);
  return entries.filter((e) => e.directory === d);
}

/** Mounts strictly below a directory, deepest first (the order to unmount them in). */
export function mountsBelow(entries: MountEntry[], directory: string): MountEntry[] {
  const d = canonicalMountPoint(directory);
  const prefix = d === '/' ? '/' : `${d}/`;
  return entries.filter((e) => e.directory.startsWith(prefix) && e.directory !== d).sort((a, b) => b.directory.length - a.directory.length);
}
