import type { Finding } from '../engine/finding';
import type { RemediationTool, RuleMetadata } from '../engine/rule';

/**
 * Remediation for the finding's own tool and cloud: an Azure finding from cdktf gets the azurerm
 * fix, not "AWS CDK: s3.Bucket(...)". `remediationBy[tool]` wins; otherwise the clauses of the
 * rule's one-paragraph `remediation` that name this tool (or only this cloud) are picked.
 */

export type Cloud = 'aws' | 'azure' | 'other';

export const TOOL_LABEL: Readonly<Record<RemediationTool, string>> = {
  cdk: 'AWS CDK',
  cloudformation: 'CloudFormation',
  terraform: 'Terraform',
  cdktf: 'CDKTF',
  pulumi: 'Pulumi',
};

/** Which tool wrote the file: a template of a CDK cloud assembly is CDK's, a cdktf.out stack cdktf's. */
export function sourceTool(f: Pick<Finding, 'source'>): RemediationTool {
  const segments = f.source.file.split(/[\\/]/);
  const base = segments[segments.length - 1] ?? '';
  const dirs = segments.slice(0, -1);
  if (f.source.format === 'cloudformation') {
    const inAssembly =
      base.endsWith('.template.json') || dirs.some((d) => d.endsWith('.out') || d.startsWith('assembly-'));
    return f.source.stack !== undefined && inAssembly ? 'cdk' : 'cloudformation';
  }
  const inCdktfOut = dirs.includes('cdktf.out') || (base === 'cdk.tf.json' && dirs[dirs.length - 2] === 'stacks');
  return f.source.stack !== undefined && inCdktfOut ? 'cdktf' : 'terraform';
}

export function cloudOf(provider: string): Cloud {
  if (provider === 'aws') return 'aws';
  return provider === 'azurerm' || provider.startsWith('azure') ? 'azure' : 'other';
}

interface Clause {
  readonly text: string;
  readonly sentence: number;
  readonly tools: ReadonlySet<RemediationTool>;
  readonly cloud?: Cloud;
}

export function remediationFor(rule: RuleMetadata, f: Pick<Finding, 'source' | 'resource'>): string {
  const tool = sourceTool(f);
  const own = rule.remediationBy?.[tool];
  if (own) return own;
  return selectRemediation(rule.remediation, tool, cloudOf(f.resource.provider));
}

/**
 * When no clause names the tool: CDK and CDKTF users can apply what they synthesize to; a
 * CloudFormation user can write what the CDK clause says CDK generates (the same template).
 */
const FALLBACK: Partial<Record<RemediationTool, RemediationTool>> = {
  cdk: 'cloudformation',
  cdktf: 'terraform',
  cloudformation: 'cdk',
};

/**
 * Memo by remediation text, then tool and cloud: a report asks for the same few triples once per
 * finding, and keying by the text itself (not a concatenation) reuses its cached hash.
 */
const SELECTED = new Map<string, Map<string, string>>();

export function selectRemediation(text: string, tool: RemediationTool, cloud: Cloud): string {
  let byTool = SELECTED.get(text);
  if (!byTool) {
    if (SELECTED.size > 1_000) SELECTED.clear();
    SELECTED.set(text, (byTool = new Map()));
  }
  const key = `${tool} ${cloud}`;
  let selected = byTool.get(key);
  if (selected === undefined) byTool.set(key, (selected = computeRemediation(text, tool, cloud)));
  return selected;
}

function computeRemediation(text: string, tool: RemediationTool, cloud: Cloud): string {
  const clauses = parseClauses(text);
  for (const t of [tool, FALLBACK[tool]]) {
    if (!t) continue;
    const picked = pick(clauses, t, cloud);
    if (picked.length > 0) return join(picked);
  }
  const cloudOnly = clauses.filter((c) => c.tools.size === 0 && c.cloud === cloud);
  return cloudOnly.length > 0 ? join(withGeneral(clauses, cloudOnly)) : text;
}

function pick(clauses: readonly Clause[], tool: RemediationTool, cloud: Cloud): Clause[] {
  const fits = (c: Clause) => c.cloud === undefined || c.cloud === cloud;
  const named = clauses.filter((c) => c.tools.has(tool) && fits(c));
  if (named.length === 0) return [];
  const chosen = new Set<Clause>(named);
  // Clauses for this cloud that name no tool ("AWS: leave PendingWindowInDays unset") apply too.
  for (const c of clauses) if (c.tools.size === 0 && c.cloud === cloud) chosen.add(c);
  // "in Terraform put the same statement ..." needs the clause it refers to.
  for (const c of named) {
    const i = clauses.indexOf(c);
    if (/\bthe same\b/.test(c.text) && i > 0) chosen.add(clauses[i - 1]);
  }
  return withGeneral(
    clauses,
    clauses.filter((c) => chosen.has(c)),
  );
}

/** Sentences that name neither a tool nor a cloud ("The log bucket cannot log to itself: waive ...") always apply. */
function withGeneral(all: readonly Clause[], chosen: readonly Clause[]): Clause[] {
  const keep = new Set(chosen);
  for (const c of all) if (c.tools.size === 0 && c.cloud === undefined) keep.add(c);
  return all.filter((c) => keep.has(c));
}

function join(clauses: readonly Clause[]): string {
  let out = '';
  clauses.forEach((c, i) => {
    if (i > 0) out += clauses[i - 1].sentence === c.sentence ? '; ' : '. ';
    out += c.text;
  });
  return /[.!?]$/.test(out) ? out : `${out}.`;
}

const TOOL_MARKERS: readonly [RegExp, RemediationTool][] = [
  [/\bCDK\b(?!TF)/, 'cdk'],
  [/\bCloudFormation\b/, 'cloudformation'],
  [/\bTerraform\b/, 'terraform'],
  [/\bCDKTF\b/, 'cdktf'],
  [/\bPulumi\b/, 'pulumi'],
];

export function parseClauses(text: string): Clause[] {
  const clauses: Clause[] = [];
  splitOutsideBrackets(text, /^\.\s+/).forEach((sentence, s) => {
    let previous: Clause | undefined;
    for (const raw of splitOutsideBrackets(sentence, /^;\s+/)) {
      const body = raw.trim().replace(/\.$/, '');
      if (body === '') continue;
      const own = new Set(TOOL_MARKERS.filter(([re]) => re.test(body)).map(([, t]) => t));
      // A Terraform fix is written the same way through CDKTF (same resources and arguments).
      if (own.has('terraform')) own.add('cdktf');
      const tools = own.size > 0 ? own : new Set(previous?.tools ?? []);
      const clause: Clause = { text: body, sentence: s, tools, cloud: cloudMarker(body) ?? previous?.cloud };
      clauses.push(clause);
      previous = clause;
    }
  });
  return clauses;
}

/** The clause's cloud: its label ("Azure:", "AWS:", "AWS CDK"), else the first resource type it names. */
function cloudMarker(body: string): Cloud | undefined {
  if (/^Azure\b/.test(body)) return 'azure';
  if (/^(AWS\b|CloudFormation\b|CDK\b(?!TF))/.test(body)) return 'aws';
  const m = /\b(aws_|AWS::|azurerm_)/.exec(body);
  if (m) return m[1] === 'azurerm_' ? 'azure' : 'aws';
  return undefined;
}

/** Splits where `separator` matches outside (), {}, [] and quotes; "i.e." / "e.g." never end a sentence. */
function splitOutsideBrackets(text: string, separator: RegExp): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quoted = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (!quoted && '({['.includes(c)) depth++;
    else if (!quoted && ')}]'.includes(c)) depth = Math.max(0, depth - 1);
    else if (depth === 0 && !quoted) {
      const m = separator.exec(text.slice(i, i + 4));
      if (m && !/\b(i\.e|e\.g)$/.test(text.slice(Math.max(0, i - 3), i))) {
        parts.push(text.slice(start, i));
        start = i + m[0].length;
        i = start - 1;
      }
    }
  }
  parts.push(text.slice(start));
  return parts;
}
