import * as fs from 'fs';
import * as path from 'path';
import type { Sink } from '../report';

/**
 * A report file written synchronously in 1 MiB slices: memory stays flat however large the
 * report, and run() stays synchronous (exit code known when it returns).
 */
export class FileSink {
  private readonly fd: number;
  private parts: string[] = [];
  private size = 0;

  constructor(file: string) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    this.fd = fs.openSync(file, 'w');
  }

  readonly write: Sink = (chunk) => {
    this.parts.push(chunk);
    this.size += chunk.length;
    if (this.size >= 1 << 20) this.flush();
  };

  close(): void {
    try {
      this.flush();
    } finally {
      fs.closeSync(this.fd);
    }
  }

  private flush(): void {
    if (this.parts.length === 0) return;
    fs.writeSync(this.fd, this.parts.join(''));
    this.parts = [];
    this.size = 0;
  }
}

/** The same buffering for stdout (or any text callback): few large writes instead of many small ones. */
export function bufferedSink(write: (text: string) => void): { write: Sink; flush: () => void } {
  let parts: string[] = [];
  let size = 0;
  const flush = () => {
    if (parts.length > 0) write(parts.join(''));
    parts = [];
    size = 0;
  };
  return {
    write: (chunk) => {
      parts.push(chunk);
      size += chunk.length;
      if (size >= 1 << 20) flush();
    },
    flush,
  };
}
