import * as fs from 'fs';
import * as path from 'path';
import { buildGraph, evaluate } from '../engine';
import type { EvaluationResult } from '../engine/finding';
import type { Rule } from '../engine/rule';
import { buildMatrix, renderMatrix } from '../report/matrix';
import { renderRuleDocs } from '../report/rule-docs';
import { TOOL_NAME } from '../report/tool';
import { renderWaiverRegister, waiverRows } from '../report/waiver-register';
import { UsageError } from './args';
import type { MatrixCommand, WaiversCommand } from './args-governance';
import { loadCliInputs } from './inputs';

/** The governance commands: rule docs, compliance matrix, waiver register. */

export interface GovernanceIo {
  readonly stdout: (text: string) => void;
  readonly cwd: string;
  readonly now?: Date;
  readonly readStdin: () => string;
}

const EXIT_OK = 0;

function write(file: string, text: string, io: GovernanceIo): void {
  try {
    const abs = path.resolve(io.cwd, file);
    fs.mkdirSync(path.dirname(abs), { recursive: true });
    fs.writeFileSync(abs, text);
  } catch (e) {
    throw new UsageError(`cannot write ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}

function evaluatePaths(paths: readonly string[], all: readonly Rule[], selected: readonly Rule[], io: GovernanceIo) {
  const loaded = loadCliInputs(
    paths.map((p) => (p === '-' || path.isAbsolute(p) ? p : path.join(io.cwd, p))),
    io.readStdin,
  );
  if (loaded.skipped.length > 0 && loaded.documents.length === 0)
    throw new UsageError(`no document loaded (${loaded.skipped.map((s) => `${s.path}: ${s.reason}`).join('; ')})`);
  for (const s of loaded.skipped) throw new UsageError(`${s.path}: ${s.reason}`);
  return evaluate(buildGraph(loaded.documents), all, { now: io.now, ruleIds: selected.map((r) => r.id) });
}

/** `rules --format md`: one page per rule and an index, into a folder (default docs/rules). */
export function writeRuleDocs(rules: readonly Rule[], output: string | undefined, io: GovernanceIo): number {
  const dir = output ?? path.join('docs', 'rules');
  const { files } = renderRuleDocs(rules);
  for (const [name, text] of files) write(path.join(dir, name), text, io);
  io.stdout(`${TOOL_NAME}: ${files.size - 1} rule page(s) and an index written to ${dir}\n`);
  return EXIT_OK;
}

export function runMatrix(
  cmd: MatrixCommand,
  all: readonly Rule[],
  selected: readonly Rule[],
  io: GovernanceIo,
): number {
  const result: EvaluationResult | undefined =
    cmd.paths.length > 0 ? evaluatePaths(cmd.paths, all, selected, io) : undefined;
  const text = renderMatrix(buildMatrix(selected, result), cmd.format);
  if (cmd.output === undefined) io.stdout(text);
  else {
    write(cmd.output, text, io);
    io.stdout(`${TOOL_NAME}: compliance matrix written to ${cmd.output}\n`);
  }
  return EXIT_OK;
}

export function runWaivers(
  cmd: WaiversCommand,
  all: readonly Rule[],
  selected: readonly Rule[],
  io: GovernanceIo,
): number {
  const paths =
    cmd.paths.length > 0 ? cmd.paths : ['cdk.out', 'cdktf.out'].filter((p) => fs.existsSync(path.join(io.cwd, p)));
  if (paths.length === 0)
    throw new UsageError('no paths given and neither cdk.out nor cdktf.out exists: name what to read');
  const result = evaluatePaths(paths, all, selected, io);
  const rows = waiverRows(result.waivers, io.now ?? new Date(), io.cwd);
  const text = renderWaiverRegister(rows, cmd.format, cmd.expiringWithin);
  if (cmd.output === undefined) io.stdout(text);
  else {
    write(cmd.output, text, io);
    io.stdout(`${TOOL_NAME}: ${rows.length} waiver(s) written to ${cmd.output}\n`);
  }
  return EXIT_OK;
}
