/**
 * `--format` / `--output` pairing: each --output belongs to the --format right before it, so
 * `--format sarif --output a.sarif --format junit --output b.xml --format text` writes two files
 * and prints text. A single --format and --output pair in either order (the one-report habit).
 */

export interface OutputSpec<F extends string> {
  readonly format: F;
  /** File to write; undefined: stdout. */
  readonly output?: string;
}

type ErrorClass = new (message: string) => Error;

export function pairOutputs<F extends string>(
  sequence: readonly { readonly flag: '--format' | '--output'; readonly value: string }[],
  parseFormat: (value: string) => F,
  defaultFormat: F,
  Err: ErrorClass,
): OutputSpec<F>[] {
  const formats = sequence.filter((s) => s.flag === '--format');
  const outputs = sequence.filter((s) => s.flag === '--output');
  if (formats.length <= 1 && outputs.length <= 1) {
    const format = formats[0] ? parseFormat(formats[0].value) : defaultFormat;
    return [{ format, ...(outputs[0] ? { output: outputs[0].value } : {}) }];
  }
  const specs: { format: F; output?: string }[] = [];
  for (const s of sequence) {
    if (s.flag === '--format') {
      specs.push({ format: parseFormat(s.value) });
      continue;
    }
    const last = specs[specs.length - 1];
    if (!last || last.output !== undefined) {
      throw new Err(`--output ${s.value} must follow the --format it writes (e.g. --format sarif --output ${s.value})`);
    }
    last.output = s.value;
  }
  const toStdout = specs.filter((s) => s.output === undefined);
  if (toStdout.length > 1) {
    throw new Err(
      `only one report can go to stdout (got ${toStdout.map((s) => s.format).join(', ')}): give the others an --output`,
    );
  }
  const files = specs.map((s) => s.output).filter((o): o is string => o !== undefined);
  const duplicate = files.find((f, i) => files.indexOf(f) !== i);
  if (duplicate) throw new Err(`--output ${duplicate} is given twice`);
  return specs;
}
