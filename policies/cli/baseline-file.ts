import * as fs from 'fs';
import * as path from 'path';
import { applyBaseline, BaselineError, parseBaseline, writeBaseline } from '../engine/baseline';
import type { EvaluationResult } from '../engine/finding';
import { TOOL_NAME } from '../report/tool';
import { UsageError, type CheckCommand } from './args';

/** `--baseline` / `--write-baseline` for the check command: file handling around engine/baseline.ts. */
export function applyCheckBaseline(
  result: EvaluationResult,
  cmd: Pick<CheckCommand, 'baseline' | 'writeBaseline'>,
  cwd: string,
  note: (text: string) => void,
): EvaluationResult {
  let out = result;
  if (cmd.baseline !== undefined) {
    const file = path.resolve(cwd, cmd.baseline);
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (e) {
      throw new UsageError(`--baseline ${cmd.baseline}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
    try {
      out = applyBaseline(result, parseBaseline(text, cmd.baseline), cwd).result;
    } catch (e) {
      if (e instanceof BaselineError) throw new UsageError(`--baseline ${e.message}`);
      throw e;
    }
  }
  if (cmd.writeBaseline !== undefined) {
    const baseline = writeBaseline(result, cwd);
    try {
      fs.writeFileSync(path.resolve(cwd, cmd.writeBaseline), `${JSON.stringify(baseline, null, 2)}\n`);
    } catch (e) {
      throw new UsageError(
        `--write-baseline ${cmd.writeBaseline}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`,
      );
    }
    note(`${TOOL_NAME}: baseline of ${baseline.findings.length} finding(s) written to ${cmd.writeBaseline}\n`);
  }
  return out;
}
