import { SEVERITIES, type Severity } from '../engine/rule';
import { CATALOGUE_FORMATS, type CatalogueFormat } from '../report/catalogue';
import { REPORT_FORMATS, type ReportFormat } from '../report';

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
  readonly format: ReportFormat;
  readonly output?: string;
  readonly threshold: Severity;
  readonly ruleIds?: readonly string[];
  readonly failOnUnknown: boolean;
}

export interface RulesCommand {
  readonly command: 'rules';
  readonly format: CatalogueFormat;
  readonly output?: string;
  readonly ruleIds?: readonly string[];
}

export type Command = CheckCommand | RulesCommand | { readonly command: 'help' } | { readonly command: 'version' };

export const USAGE = `Usage:
  zt-check [paths...] [--format text|json|sarif|junit] [--output FILE]
           [--severity-threshold low|medium|high|critical] [--rules ID,ID] [--fail-on-unknown]
  zt-check rules [--format text|json] [--output FILE] [--rules ID,ID]
  zt-check --help | --version

Paths are CloudFormation templates (JSON/YAML), Terraform JSON (*.tf.json), CDK cloud assemblies
(cdk.out) or cdktf.out directories; default: cdk.out and cdktf.out, whichever exist.
To check a path literally named "rules", write ./rules.

Exit codes: 0 no failing finding at or above the threshold (default low: any failure fails),
1 failing findings (or unknowns with --fail-on-unknown), 2 usage or input error,
3 internal error (a bug in zt-check, not in your input).`;

/** Flags that take a value; the value is the next argument or follows "=". */
const VALUE_FLAGS = new Set(['--format', '--output', '--severity-threshold', '--rules']);
const ALIASES: Record<string, string> = { '-f': '--format', '-o': '--output', '-h': '--help', '-V': '--version' };
const SWITCHES = new Set(['--help', '--version', '--fail-on-unknown']);

interface Raw {
  positionals: string[];
  values: Map<string, string>;
  switches: Set<string>;
}

export function parseArgs(argv: readonly string[]): Command {
  const raw = tokenize(argv);
  if (raw.switches.has('--help')) return { command: 'help' };
  if (raw.switches.has('--version')) return { command: 'version' };
  const ruleIds = raw.values.has('--rules') ? parseRuleIds(raw.values.get('--rules') as string) : undefined;
  const output = raw.values.get('--output');
  if (raw.positionals[0] === 'rules') return rulesCommand(raw, ruleIds, output);
  return {
    command: 'check',
    paths: raw.positionals,
    format: oneOf('--format', raw.values.get('--format') ?? 'text', REPORT_FORMATS),
    threshold: oneOf('--severity-threshold', raw.values.get('--severity-threshold') ?? 'low', SEVERITIES),
    failOnUnknown: raw.switches.has('--fail-on-unknown'),
    ...(output !== undefined ? { output } : {}),
    ...(ruleIds ? { ruleIds } : {}),
  };
}

function rulesCommand(raw: Raw, ruleIds: readonly string[] | undefined, output: string | undefined): RulesCommand {
  if (raw.positionals.length > 1)
    throw new UsageError(`"rules" takes no paths (got ${raw.positionals.slice(1).join(' ')})`);
  for (const flag of ['--severity-threshold', '--fail-on-unknown']) {
    if (raw.values.has(flag) || raw.switches.has(flag)) throw new UsageError(`${flag} is not valid with "rules"`);
  }
  return {
    command: 'rules',
    format: oneOf('--format', raw.values.get('--format') ?? 'text', CATALOGUE_FORMATS),
    ...(output !== undefined ? { output } : {}),
    ...(ruleIds ? { ruleIds } : {}),
  };
}

function tokenize(argv: readonly string[]): Raw {
  const raw: Raw = { positionals: [], values: new Map(), switches: new Set() };
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
      raw.values.set(name, value); // the last occurrence wins, as in most CLIs
    } else {
      throw new UsageError(`unknown option ${arg} (see zt-check --help)`);
    }
  }
  return raw;
}

function oneOf<T extends string>(flag: string, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`unknown ${flag.slice(2)} "${value}": expected one of ${allowed.join(', ')}`);
}

function parseRuleIds(value: string): string[] {
  const ids = value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (ids.length === 0)
    throw new UsageError('--rules needs at least one rule id, e.g. --rules ZT-DATA-001,ZT-DATA-002');
  return [...new Set(ids)];
}
