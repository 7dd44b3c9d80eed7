import { SEVERITIES, type Severity } from '../engine/rule';
import { CATALOGUE_FORMATS, type CatalogueFormat } from '../report/catalogue';
import { REPORT_FORMATS, type ReportFormat } from '../report';
import { matrixCommand, waiversCommand, type MatrixCommand, type WaiversCommand } from './args-governance';
import { pairOutputs, type OutputSpec } from './outputs';

/** Command-line parsing only: no file system, no evaluation. Bad usage throws UsageError (exit 2). */

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export interface CheckCommand {
  readonly command: 'check';
  readonly paths: readonly string[];
  /** Reports to write, in order; at most one without a file (stdout). */
  readonly outputs: readonly OutputSpec<ReportFormat>[];
  readonly threshold: Severity;
  readonly ruleIds?: readonly string[];
  readonly skipRuleIds?: readonly string[];
  readonly failOnUnknown: boolean;
  readonly failOnUncovered: boolean;
  readonly quiet: boolean;
  readonly compact: boolean;
  readonly noColor: boolean;
  readonly srcroot?: string;
  /** Adoption baseline to compare with: its findings are reported as baselined and never fail. */
  readonly baseline?: string;
  /** Write today's failing / unknown findings as the baseline file. */
  readonly writeBaseline?: string;
}

export interface RulesCommand {
  readonly command: 'rules';
  readonly format: CatalogueFormat;
  readonly output?: string;
  readonly ruleIds?: readonly string[];
  readonly skipRuleIds?: readonly string[];
}

export type Command =
  | CheckCommand
  | RulesCommand
  | MatrixCommand
  | WaiversCommand
  | { readonly command: 'help' }
  | { readonly command: 'version' };

export type { OutputSpec };

export const USAGE = `Usage:
  zt-check [paths...] [--format text|json|sarif|junit [--output FILE]]...
           [--severity-threshold low|medium|high|critical] [--rules ID,ID] [--skip-rules ID,ID]
           [--fail-on-unknown] [--fail-on-uncovered] [--quiet] [--compact] [--no-color] [--srcroot DIR]
           [--baseline FILE] [--write-baseline FILE]
  zt-check rules [--format text|json|md] [--output FILE|DIR] [--rules ID,ID] [--skip-rules ID,ID]
  zt-check matrix [paths...] [--format md|csv|json] [--output FILE]
  zt-check waivers [paths...] [--format text|md|json] [--output FILE] [--expiring-within DAYS]
  zt-check --help | --version

Paths are CloudFormation templates (JSON/YAML), Terraform JSON (*.tf.json), CDK cloud assemblies
(cdk.out) or cdktf.out directories; "-" reads one template from stdin. Default: cdk.out and
cdktf.out, whichever exist. To check a path literally named "rules", write ./rules.

Several reports in one run: each --output belongs to the --format before it, e.g.
  --format sarif --output zt.sarif --format junit --output zt.xml --format text
(at most one report without --output goes to stdout). --quiet prints only what fails the gate,
--compact one line per finding (text). Colour only on a terminal, never with NO_COLOR or --no-color.
--srcroot: SARIF file locations are relative to it (default: the current directory).
--write-baseline records today's failing findings; --baseline then fails only on new ones (matched by
rule, file and resource address, not by line); baselined findings are still listed.
rules --format md writes one page per rule to DIR (default docs/rules). matrix maps every rule to its
controls (NIST 800-53 r5, SOC 2, HIPAA, GDPR, ISO 27001, ISO 42001), with pass/fail counts per control
when paths are given. waivers lists every waiver with rule, resource, reason, expiry and origin.

Exit codes: 0 nothing fails the gate (default threshold low: any failure fails),
1 failing findings (or unknowns with --fail-on-unknown, uncovered types with --fail-on-uncovered),
2 usage or input error (reports of the inputs that could be read are still written),
3 internal error (a bug in zt-check, not in your input).`;

/** Flags that take a value; the value is the next argument or follows "=". */
const VALUE_FLAGS = new Set([
  '--format',
  '--output',
  '--severity-threshold',
  '--rules',
  '--skip-rules',
  '--srcroot',
  '--baseline',
  '--write-baseline',
  '--expiring-within',
]);
/** Flags that may be given several times, each occurrence kept in order. */
const REPEATABLE = new Set(['--format', '--output']);
const ALIASES: Record<string, string> = {
  '-f': '--format',
  '-o': '--output',
  '-h': '--help',
  '-V': '--version',
  '-q': '--quiet',
};
const SWITCHES = new Set([
  '--help',
  '--version',
  '--fail-on-unknown',
  '--fail-on-uncovered',
  '--quiet',
  '--compact',
  '--no-color',
]);

export interface Raw {
  positionals: string[];
  values: Map<string, string>;
  /** --format / --output occurrences in order. */
  sequence: { flag: '--format' | '--output'; value: string }[];
  switches: Set<string>;
}

export function parseArgs(argv: readonly string[]): Command {
  const raw = tokenize(argv);
  if (raw.switches.has('--help')) return { command: 'help' };
  if (raw.switches.has('--version')) return { command: 'version' };
  const ruleIds = raw.values.has('--rules') ? parseRuleIds('--rules', raw.values.get('--rules') as string) : undefined;
  const skipRuleIds = raw.values.has('--skip-rules')
    ? parseRuleIds('--skip-rules', raw.values.get('--skip-rules') as string)
    : undefined;
  const ids = { ...(ruleIds ? { ruleIds } : {}), ...(skipRuleIds ? { skipRuleIds } : {}) };
  if (raw.positionals[0] === 'rules') return rulesCommand(raw, ids);
  if (raw.positionals[0] === 'matrix') return matrixCommand(raw, ids, only(raw, 'matrix', ['--expiring-within']));
  if (raw.positionals[0] === 'waivers') return waiversCommand(raw, ids, only(raw, 'waivers', []));
  for (const flag of ['--expiring-within'])
    if (raw.values.has(flag)) throw new UsageError(`${flag} is only valid with "waivers"`);
  if (raw.positionals.filter((p) => p === '-').length > 1) throw new UsageError('"-" (stdin) may be given once');
  const srcroot = raw.values.get('--srcroot');
  return {
    command: 'check',
    paths: raw.positionals,
    outputs: pairOutputs(raw.sequence, (f) => oneOf('--format', f, REPORT_FORMATS), 'text', UsageError),
    threshold: oneOf('--severity-threshold', raw.values.get('--severity-threshold') ?? 'low', SEVERITIES),
    failOnUnknown: raw.switches.has('--fail-on-unknown'),
    failOnUncovered: raw.switches.has('--fail-on-uncovered'),
    quiet: raw.switches.has('--quiet'),
    compact: raw.switches.has('--compact'),
    noColor: raw.switches.has('--no-color'),
    ...(srcroot !== undefined ? { srcroot } : {}),
    ...(raw.values.has('--baseline') ? { baseline: raw.values.get('--baseline') } : {}),
    ...(raw.values.has('--write-baseline') ? { writeBaseline: raw.values.get('--write-baseline') } : {}),
    ...ids,
  };
}

function rulesCommand(raw: Raw, ids: { ruleIds?: readonly string[]; skipRuleIds?: readonly string[] }): RulesCommand {
  if (raw.positionals.length > 1)
    throw new UsageError(`"rules" takes no paths (got ${raw.positionals.slice(1).join(' ')})`);
  for (const flag of [
    '--severity-threshold',
    '--srcroot',
    '--baseline',
    '--write-baseline',
    '--expiring-within',
    ...SWITCHES,
  ]) {
    if (raw.values.has(flag) || raw.switches.has(flag)) throw new UsageError(`${flag} is not valid with "rules"`);
  }
  const outputs = pairOutputs(raw.sequence, (f) => oneOf('--format', f, CATALOGUE_FORMATS), 'text', UsageError);
  if (outputs.length > 1) throw new UsageError('"rules" writes one catalogue: give --format / --output once');
  const [spec] = outputs;
  return {
    command: 'rules',
    format: spec.format,
    ...(spec.output !== undefined ? { output: spec.output } : {}),
    ...ids,
  };
}

/** Check-only flags are refused by the governance commands (plus any extra the command does not take). */
function only(raw: Raw, command: string, extra: readonly string[]): Raw {
  for (const flag of ['--severity-threshold', '--srcroot', '--baseline', '--write-baseline', ...extra, ...SWITCHES]) {
    if (raw.values.has(flag) || raw.switches.has(flag)) throw new UsageError(`${flag} is not valid with "${command}"`);
  }
  return raw;
}

function tokenize(argv: readonly string[]): Raw {
  const raw: Raw = { positionals: [], values: new Map(), sequence: [], switches: new Set() };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      raw.positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      raw.positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = ALIASES[eq > 0 ? arg.slice(0, eq) : arg] ?? (eq > 0 ? arg.slice(0, eq) : arg);
    if (SWITCHES.has(name)) {
      if (eq > 0) throw new UsageError(`${name} takes no value`);
      raw.switches.add(name);
    } else if (VALUE_FLAGS.has(name)) {
      const value = eq > 0 ? arg.slice(eq + 1) : argv[++i];
      if (value === undefined || value === '') throw new UsageError(`${name} needs a value`);
      if (REPEATABLE.has(name)) raw.sequence.push({ flag: name as '--format' | '--output', value });
      else raw.values.set(name, value); // the last occurrence wins, as in most CLIs
    } else {
      throw new UsageError(`unknown option ${arg} (see zt-check --help)`);
    }
  }
  return raw;
}

export function oneOf<T extends string>(flag: string, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`unknown ${flag.slice(2)} "${value}": expected one of ${allowed.join(', ')}`);
}

function parseRuleIds(flag: string, value: string): string[] {
  const ids = value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (ids.length === 0)
    throw new UsageError(`${flag} needs at least one rule id, e.g. ${flag} ZT-DATA-001,ZT-DATA-002`);
  return [...new Set(ids)];
}
