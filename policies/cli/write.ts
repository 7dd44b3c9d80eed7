import * as path from 'path';
import type { EvaluationResult } from '../engine/finding';
import type { Rule } from '../engine/rule';
import {
  GITHUB_MAX_RESULTS,
  summaryLine,
  TOOL_NAME,
  writeReport,
  type ReportFormat,
  type TextOptions,
} from '../report';
import { UsageError, type OutputSpec } from './args';
import { bufferedSink, FileSink } from './file-sink';
import type { CliIo } from './run';

/**
 * Writes every requested report: files streamed to disk, at most one to stdout. With a report on
 * stdout the "written to" notice goes to stderr, so stdout holds nothing but that report.
 */
export function writeOutputs(
  result: EvaluationResult,
  rules: readonly Rule[],
  outputs: readonly OutputSpec<ReportFormat>[],
  io: CliIo,
  options: TextOptions & { readonly cwd: string },
): void {
  const written: string[] = [];
  for (const spec of outputs) {
    if (spec.output === undefined) {
      const out = bufferedSink(io.stdout);
      // Colour only for the text report on a terminal.
      writeReport(result, rules, spec.format, out.write, {
        ...options,
        color: options.color && spec.format === 'text',
      });
      out.flush();
      if (spec.format === 'sarif') warnIfTruncated(result, 'stdout', io, options.maxSarifResults);
      continue;
    }
    writeFile(result, rules, spec.format, path.resolve(options.cwd, spec.output), spec.output, options);
    written.push(spec.output);
    if (spec.format === 'sarif') warnIfTruncated(result, spec.output, io, options.maxSarifResults);
  }
  if (written.length === 0) return;
  const toStdout = outputs.some((s) => s.output === undefined);
  const notice = `${TOOL_NAME}: ${written.length === 1 ? 'report' : 'reports'} written to ${written.join(', ')}; ${summaryLine(result, options)}\n`;
  (toStdout ? io.stderr : io.stdout)(notice);
}

function writeFile(
  result: EvaluationResult,
  rules: readonly Rule[],
  format: ReportFormat,
  file: string,
  shown: string,
  options: TextOptions,
): void {
  let sink: FileSink;
  try {
    sink = new FileSink(file);
  } catch (e) {
    throw new UsageError(`cannot write ${shown}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  try {
    writeReport(result, rules, format, sink.write, { ...options, color: false });
  } finally {
    sink.close();
  }
}

function warnIfTruncated(result: EvaluationResult, shown: string, io: CliIo, max = GITHUB_MAX_RESULTS): void {
  const total = result.findings.filter(
    (f) => f.status === 'fail' || f.status === 'waived' || f.status === 'unknown',
  ).length;
  if (total <= max) return;
  io.stderr(
    `${TOOL_NAME}: warning: ${shown} holds ${max} of ${total} SARIF results (GitHub code scanning's per-run limit); ` +
      'the most severe failing findings were kept, the JSON report has them all\n',
  );
}
