// Allowed source networks ("10.0.0.0/8 127.0.0.1 ::1") for pushes over HTTP.

import { BlockList, isIPv4, isIPv6 } from 'node:net';

export function parseNetworks(text: string): BlockList | string {
  const list = new BlockList();
  for (const entry of text.split(/[\s,]+/).filter((e) => e !== '')) {
    const [addr = '', prefix] = entry.split('/');
    const type = isIPv4(addr) ? 'ipv4' : isIPv6(addr) ? 'ipv6' : undefined;
    if (!type) return `not an address: ${entry}`;
    if (prefix === undefined) list.addAddress(addr, type);
    else {
      const bits = Number(prefix);
      if (!Number.isInteger(bits) || bits < 0 || bits > (type === 'ipv4' ? 32 : 128)) return `bad prefix: ${entry}`;
      list.addSubnet(addr, bits, type);
    }
  }
  return list;
}

export function allowed(list: BlockList | undefined, address: string): boolean {
  if (!list) return true;
  const plain = address.startsWith('::ffff:') && isIPv4(address.slice(7)) ? address.slice(7) : address;
  return list.check(plain, isIPv4(plain) ? 'ipv4' : 'ipv6');
}
