import * as fs from 'fs';
import * as path from 'path';
import { buildGraph, evaluate, InputError } from '../engine';
import type { EvaluationResult } from '../engine/finding';
import { gate, RuleSelectionError, selectRules, type GateOptions } from '../engine/gate';
import type { Rule } from '../engine/rule';
import { ALL_RULES } from '../rules';
import { renderCatalogue, summaryLine, TOOL_NAME, TOOL_VERSION, type ReportFormat } from '../report';
import { parseArgs, UsageError, USAGE, type CheckCommand, type RulesCommand } from './args';
import type { SkippedInput } from '../engine/model';
import { loadCliInputs, STDIN, STDIN_FILE } from './inputs';
import { writeOutputs } from './write';
import { applyCheckBaseline } from './baseline-file';
import { runMatrix, runWaivers, writeRuleDocs } from './governance';

/**
 * `zt-check` without the process: everything the binary does, with stdout/stderr/cwd/stdin
 * injected so tests call it directly. Never throws; every outcome is an exit code.
 */

export const EXIT = { ok: 0, findings: 1, usage: 2, internal: 3 } as const;
export const DEFAULT_PATHS = ['cdk.out', 'cdktf.out'] as const;
/** Reports that show no passing or not-applicable finding one by one (JSON and JUnit list them all). */
const LISTS_ACTIONABLE_ONLY: ReadonlySet<ReportFormat> = new Set<ReportFormat>(['text', 'sarif']);
/** Bytes read from stdin at most: a template, not a stream without end. */
export const STDIN_LIMIT = 256 * 1024 * 1024;

export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Relative paths (arguments, --output, defaults) resolve against it. @default process.cwd() */
  readonly cwd?: string;
  /** "Today" for waiver expiry and the reports' timestamps. @default new Date() */
  readonly now?: Date;
  /** The catalogue. @default ALL_RULES */
  readonly rules?: readonly Rule[];
  /** stdout is a terminal: the text report may be coloured. @default false */
  readonly isTTY?: boolean;
  /** Environment (NO_COLOR). @default process.env */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Reads all of stdin (for the path "-"). @default reads file descriptor 0, capped at STDIN_LIMIT */
  readonly readStdin?: () => string;
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
      case 'matrix':
      case 'waivers': {
        const all = io.rules ?? ALL_RULES;
        const g = {
          stdout: io.stdout,
          cwd: io.cwd ?? process.cwd(),
          now: io.now,
          readStdin: io.readStdin ?? readStdin,
        };
        return (cmd.command === 'matrix' ? runMatrix : runWaivers)(cmd as never, all, selection(all, cmd), g);
      }
    }
  } catch (e) {
    return fail(e, io);
  }
}

function selection(all: readonly Rule[], cmd: Pick<CheckCommand, 'ruleIds' | 'skipRuleIds'>): readonly Rule[] {
  try {
    return selectRules(all, { include: cmd.ruleIds, exclude: cmd.skipRuleIds }, '--rules / --skip-rules');
  } catch (e) {
    if (e instanceof RuleSelectionError) throw new UsageError(e.message);
    throw e;
  }
}

function check(cmd: CheckCommand, io: CliIo): number {
  const cwd = io.cwd ?? process.cwd();
  const all = io.rules ?? ALL_RULES;
  const rules = selection(all, cmd);
  // Paths stay as typed (messages name them so) unless an explicit cwd must anchor them.
  const anchor = (p: string) => (p === STDIN || io.cwd === undefined || path.isAbsolute(p) ? p : path.join(io.cwd, p));
  const paths = cmd.paths.length > 0 ? cmd.paths.map(anchor) : defaultPaths(io.cwd);
  const loaded = loadCliInputs(paths, io.readStdin ?? readStdin);
  if (loaded.documents.length === 0) {
    const what = loaded.skipped.map((s) => `${s.path}: ${s.reason}`).join('; ');
    throw new UsageError(`no document loaded (${what || `nothing to check in ${paths.join(', ')}`})`);
  }
  const evaluated = evaluate(buildGraph(loaded.documents), all, {
    now: io.now,
    ruleIds: rules.map((r) => r.id),
    findings: cmd.outputs.every((o) => LISTS_ACTIONABLE_ONLY.has(o.format)) ? 'actionable' : 'all',
  });
  const result: EvaluationResult = applyCheckBaseline(
    { ...evaluated, skipped: mergeSkipped(evaluated.skipped, loaded.skipped) },
    cmd,
    cwd,
    io.stderr,
  );
  const named = new Set(paths.map((p) => (p === STDIN ? STDIN_FILE : path.resolve(cwd, p))));
  const unreadable = loaded.skipped.filter((s) =>
    named.has(s.path === STDIN_FILE ? s.path : path.resolve(cwd, s.path)),
  );
  const gateOptions: GateOptions = {
    threshold: cmd.threshold,
    failOnUnknown: cmd.failOnUnknown,
    failOnUncovered: cmd.failOnUncovered,
  };
  const env = io.env ?? process.env;
  const color = io.isTTY === true && !cmd.noColor && !env.NO_COLOR;
  writeOutputs(result, rules, cmd.outputs, io, {
    ...gateOptions,
    cwd,
    srcroot: cmd.srcroot !== undefined ? path.resolve(cwd, cmd.srcroot) : cwd,
    now: io.now,
    catalogue: all.map((r) => r.id),
    incomplete: unreadable.length > 0,
    quiet: cmd.quiet,
    compact: cmd.compact,
    color,
  });
  for (const s of unreadable) io.stderr(`${TOOL_NAME}: ${oneLine(`${s.path}: ${s.reason}`)} (not evaluated)\n`);
  if (unreadable.length > 0) return EXIT.usage;
  return gate(result, gateOptions).failed ? EXIT.findings : EXIT.ok;
}

function mergeSkipped(
  fromEngine: readonly SkippedInput[] | undefined,
  fromCli: readonly SkippedInput[],
): SkippedInput[] {
  const seen = new Set<string>();
  return [...(fromEngine ?? []), ...fromCli].filter((s) => {
    const key = `${s.path}\u0000${s.reason}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** 1 when the gate fails (the engine's decision: threshold, --fail-on-unknown, --fail-on-uncovered). */
export function exitCode(result: EvaluationResult, options: GateOptions): number {
  return gate(result, options).failed ? EXIT.findings : EXIT.ok;
}

function listRules(cmd: RulesCommand, io: CliIo): number {
  const cwd = io.cwd ?? process.cwd();
  const rules = selection(io.rules ?? ALL_RULES, cmd);
  if (cmd.format === 'md') return writeRuleDocs(rules, cmd.output, { stdout: io.stdout, cwd, readStdin });
  const text = renderCatalogue(rules, cmd.format);
  if (cmd.output === undefined) {
    io.stdout(text);
    return EXIT.ok;
  }
  try {
    const file = path.resolve(cwd, cmd.output);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
  } catch (e) {
    throw new UsageError(`cannot write ${cmd.output}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  io.stdout(`${TOOL_NAME}: catalogue written to ${cmd.output}; ${rules.length} rule(s)\n`);
  return EXIT.ok;
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

function readStdin(): string {
  const chunks: Buffer[] = [];
  const buffer = Buffer.alloc(1 << 16);
  let total = 0;
  for (;;) {
    let n: number;
    try {
      n = fs.readSync(0, buffer, 0, buffer.length, null);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN') continue;
      if (code === 'EOF') break;
      throw new InputError(STDIN_FILE, `cannot read stdin (${code ?? (e as Error).message})`);
    }
    if (n === 0) break;
    total += n;
    if (total > STDIN_LIMIT) throw new InputError(STDIN_FILE, `more than ${STDIN_LIMIT} bytes on stdin`);
    chunks.push(Buffer.from(buffer.subarray(0, n)));
  }
  return Buffer.concat(chunks).toString('utf8');
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}

/** One line on stderr, never a stack trace (unless ZT_CHECK_DEBUG asks for one). */
function fail(e: unknown, io: CliIo): number {
  const message = e instanceof Error ? e.message : String(e);
  const line = (text: string) => `${TOOL_NAME}: ${oneLine(text)}\n`;
  if (e instanceof UsageError || e instanceof InputError) {
    io.stderr(line(message));
    return EXIT.usage;
  }
  io.stderr(line(`internal error: ${message} (this is a bug in ${TOOL_NAME}; set ZT_CHECK_DEBUG=1 for details)`));
  if (process.env.ZT_CHECK_DEBUG && e instanceof Error && e.stack) io.stderr(`${e.stack}\n`);
  return EXIT.internal;
}

export { summaryLine };
