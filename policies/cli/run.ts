import * as fs from 'fs';
import * as path from 'path';
import { buildGraph, evaluate, InputError, loadPaths } from '../engine';
import type { EvaluationResult } from '../engine/finding';
import { severityAtLeast, type Rule } from '../engine/rule';
import { ALL_RULES } from '../rules';
import { render, renderCatalogue, summaryLine, TOOL_NAME, TOOL_VERSION } from '../report';
import { parseArgs, UsageError, USAGE, type CheckCommand, type RulesCommand } from './args';

/**
 * `zt-check` without the process: everything the binary does, with stdout/stderr/cwd injected so
 * tests call it directly. Never throws; every outcome is an exit code.
 */

export const EXIT = { ok: 0, findings: 1, usage: 2, internal: 3 } as const;
export const DEFAULT_PATHS = ['cdk.out', 'cdktf.out'] as const;

export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Relative paths (arguments, --output, defaults) resolve against it. @default process.cwd() */
  readonly cwd?: string;
  /** "Today" for waiver expiry. @default new Date() */
  readonly now?: Date;
  /** The catalogue. @default ALL_RULES */
  readonly rules?: readonly Rule[];
}

export function run(argv: readonly string[], io: CliIo): number {
  try {
    const cmd = parseArgs(argv);
    switch (cmd.command) {
      case 'help':
        io.stdout(`${USAGE}\n`);
        return EXIT.ok;
      case 'version':
        io.stdout(`${TOOL_NAME} ${TOOL_VERSION}\n`);
        return EXIT.ok;
      case 'rules':
        return listRules(cmd, io);
      case 'check':
        return check(cmd, io);
    }
  } catch (e) {
    return fail(e, io);
  }
}

function check(cmd: CheckCommand, io: CliIo): number {
  const cwd = io.cwd ?? process.cwd();
  const rules = selectRules(io.rules ?? ALL_RULES, cmd.ruleIds);
  // Paths stay as typed (error messages name them so) unless an explicit cwd must anchor them.
  const anchor = (p: string) => (io.cwd === undefined || path.isAbsolute(p) ? p : path.join(io.cwd, p));
  const paths = cmd.paths.length > 0 ? cmd.paths.map(anchor) : defaultPaths(io.cwd);
  const documents = loadPaths(paths);
  const result = evaluate(buildGraph(documents), rules, { now: io.now });
  const options = { threshold: cmd.threshold, cwd };
  emit(render(result, rules, cmd.format, options), cmd.output, cwd, io, () => summaryLine(result, options));
  return exitCode(result, cmd);
}

/** 1 when a failing finding (or, with --fail-on-unknown, an unknown one) is at or above the threshold. */
export function exitCode(result: EvaluationResult, cmd: Pick<CheckCommand, 'threshold' | 'failOnUnknown'>): number {
  const gates = result.findings.some(
    (f) =>
      (f.status === 'fail' || (cmd.failOnUnknown && f.status === 'unknown')) &&
      severityAtLeast(f.severity, cmd.threshold),
  );
  return gates ? EXIT.findings : EXIT.ok;
}

function listRules(cmd: RulesCommand, io: CliIo): number {
  const cwd = io.cwd ?? process.cwd();
  const rules = selectRules(io.rules ?? ALL_RULES, cmd.ruleIds);
  emit(renderCatalogue(rules, cmd.format), cmd.output, cwd, io, () => `${rules.length} rule(s)`);
  return EXIT.ok;
}

function selectRules(all: readonly Rule[], ids: readonly string[] | undefined): readonly Rule[] {
  if (!ids) return all;
  const known = new Set(all.map((r) => r.id));
  const missing = ids.filter((id) => !known.has(id));
  if (missing.length > 0) {
    throw new UsageError(`unknown rule id ${missing.join(', ')} in --rules (see zt-check rules)`);
  }
  return all.filter((r) => ids.includes(r.id));
}

function defaultPaths(cwd: string | undefined): string[] {
  const found = DEFAULT_PATHS.map((p) => (cwd === undefined ? p : path.join(cwd, p))).filter((p) => fs.existsSync(p));
  if (found.length === 0) {
    const where = cwd ?? process.cwd();
    throw new UsageError(
      `no paths given and neither cdk.out nor cdktf.out exists in ${where}: synthesize first or name the files to check`,
    );
  }
  return found;
}

/** The report goes to stdout, or to --output with a one-line summary on stdout. */
function emit(report: string, output: string | undefined, cwd: string, io: CliIo, summary: () => string): void {
  if (output === undefined) {
    io.stdout(report);
    return;
  }
  const file = path.resolve(cwd, output);
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, report);
  } catch (e) {
    throw new UsageError(`cannot write ${output}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  io.stdout(`${TOOL_NAME}: report written to ${output}; ${summary()}\n`);
}

/** One line on stderr, never a stack trace (unless ZT_CHECK_DEBUG asks for one). */
function fail(e: unknown, io: CliIo): number {
  const message = e instanceof Error ? e.message : String(e);
  const line = (text: string) => `${TOOL_NAME}: ${text.replace(/\s*\n\s*/g, ' ').trim()}\n`;
  if (e instanceof UsageError || e instanceof InputError) {
    io.stderr(line(message));
    return EXIT.usage;
  }
  io.stderr(line(`internal error: ${message} (this is a bug in ${TOOL_NAME}; set ZT_CHECK_DEBUG=1 for details)`));
  if (process.env.ZT_CHECK_DEBUG && e instanceof Error && e.stack) io.stderr(`${e.stack}\n`);
  return EXIT.internal;
}
