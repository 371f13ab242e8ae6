// UTF-8 output written straight into chunks of about a megabyte, handed to a sink as each fills.
// A large document (the transition graph: tens to hundreds of megabytes) is written piece by piece
// without first joining the pieces into strings: joined strings would be garbage as large as the
// document, several times over.

const CHUNK = 1 << 20;

// Below this length a string is copied a character at a time: quicker than a call into the
// encoder for the short values (ids, node names) that make up most pieces.
const SHORT = 64;

export class Utf8Writer {
  private buf = Buffer.allocUnsafe(CHUNK);
  private used = 0;
  constructor(private readonly sink: (chunk: Buffer) => void) {}

  /** Room for `bytes` more bytes in the current chunk. */
  private reserve(bytes: number): void {
    if (this.used + bytes <= this.buf.length) return;
    this.flush();
    if (bytes > this.buf.length) this.buf = Buffer.allocUnsafe(bytes);
  }

  text(text: string): void {
    const n = text.length;
    this.reserve(n * 3);
    const buf = this.buf;
    if (n > SHORT) {
      this.used += buf.write(text, this.used, 'utf8');
      return;
    }
    let used = this.used;
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c >= 0x80) {
        used += buf.write(text.slice(i), used, 'utf8');
        break;
      }
      buf[used++] = c;
    }
    this.used = used;
  }

  /** Bytes already encoded (pieces written many times are encoded once). */
  bytes(bytes: Uint8Array): void {
    this.reserve(bytes.length);
    this.buf.set(bytes, this.used);
    this.used += bytes.length;
  }

  flush(): void {
    if (this.used === 0) return;
    this.sink(this.buf.subarray(0, this.used));
    this.buf = Buffer.allocUnsafe(CHUNK);
    this.used = 0;
  }
}
