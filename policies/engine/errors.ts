/**
 * Bad input to the engine (unreadable, malformed or unsupported file, malformed waiver). The CLI
 * turns it into exit code 2 with `message` alone: one line naming the file and what was expected.
 */
export class InputError extends Error {
  /** The offending file or directory, as given. */
  public readonly file: string;
  /** 1-based line, when the parser reports one. */
  public readonly line?: number;

  constructor(file: string, expected: string, line?: number) {
    super(`${file}${line !== undefined ? `:${line}` : ''}: ${oneLine(expected)}`);
    this.name = 'InputError';
    this.file = file;
    this.line = line;
  }
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}
