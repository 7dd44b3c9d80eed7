import type { ReportingDescriptor, Result } from 'sarif';
import type { Rule, RuleMetadata, Severity } from '../engine/rule';
import { cloudOf, selectRemediation, TOOL_LABEL, type Cloud } from './remediation';
import type { RemediationTool } from '../engine/rule';

/** SARIF rule descriptors as GitHub code scanning reads them (help, helpUri, security-severity, tags). */

const LEVELS: Record<Severity, Result.level> = { critical: 'error', high: 'error', medium: 'warning', low: 'note' };

export function sarifLevel(severity: Severity): Result.level {
  return LEVELS[severity];
}

/**
 * GitHub ranks security alerts by `security-severity` (a string holding 0.0-10.0): 9.0+ critical,
 * 7.0-8.9 high, 4.0-6.9 medium, 0.1-3.9 low. One score inside each band.
 */
const SECURITY_SEVERITY: Record<Severity, string> = { critical: '9.5', high: '8.0', medium: '5.5', low: '3.0' };

export function securitySeverity(severity: Severity): string {
  return SECURITY_SEVERITY[severity];
}

export function docsPath(ruleId: string): string {
  return `docs/rules/${ruleId}.md`;
}

export function descriptor(rule: Rule, repositoryUrl: string | undefined): ReportingDescriptor {
  const docs = docsPath(rule.id);
  const helpUri = repositoryUrl ? `${repositoryUrl}/blob/HEAD/${docs}` : undefined;
  return {
    id: rule.id,
    name: pascalName(rule.title),
    shortDescription: { text: rule.title },
    fullDescription: { text: rule.rationale },
    help: { text: rule.remediation, markdown: helpMarkdown(rule, helpUri ?? docs) },
    // helpUri must be an absolute URI; without a repository URL the docs path is in the markdown.
    ...(helpUri ? { helpUri } : {}),
    defaultConfiguration: { level: sarifLevel(rule.severity) },
    properties: {
      severity: rule.severity,
      'security-severity': securitySeverity(rule.severity),
      precision: 'high',
      layer: rule.layer,
      controls: rule.controls.map((c) => `${c.framework}:${c.id}`),
      equivalents: rule.equivalents.map((e) => `${e.tool}:${e.id}`),
      resourceTypes: Object.keys(rule.checks).sort(),
      // GitHub keeps 10 tags per rule (20 accepted); "security" makes security-severity apply.
      tags: ['security', 'zero-trust', rule.layer],
      ...(helpUri ? {} : { docs }),
    },
  };
}

const COMBOS: readonly [RemediationTool, Cloud, string][] = [
  ['cdk', 'aws', TOOL_LABEL.cdk],
  ['cloudformation', 'aws', TOOL_LABEL.cloudformation],
  ['terraform', 'aws', 'Terraform (AWS)'],
  ['terraform', 'azure', 'Terraform / CDKTF (Azure)'],
];

/** The fix per tool the rule covers, deduplicated: what GitHub shows under "Show more". */
export function helpMarkdown(rule: RuleMetadata & { readonly checks?: Rule['checks'] }, link: string): string {
  const clouds = new Set(Object.keys(rule.checks ?? {}).map(typeCloud));
  const fixes = new Map<string, string[]>();
  for (const [tool, cloud, label] of COMBOS) {
    if (!clouds.has(cloud)) continue;
    const text = rule.remediationBy?.[tool] ?? selectRemediation(rule.remediation, tool, cloud);
    fixes.set(text, [...(fixes.get(text) ?? []), label]);
  }
  for (const [tool, text] of Object.entries(rule.remediationBy ?? {})) {
    if (text && ![...fixes.keys()].includes(text)) fixes.set(text, [TOOL_LABEL[tool as RemediationTool]]);
  }
  const lines = [
    `**${md(rule.title)}** (${rule.severity}, ${rule.layer})`,
    '',
    md(rule.rationale),
    '',
    '**Remediation**',
    '',
  ];
  if (fixes.size === 0) lines.push(md(rule.remediation));
  for (const [text, labels] of fixes) lines.push(`- ${labels.join(', ')}: ${md(text)}`);
  const controls = rule.controls.map((c) => `${c.framework} ${c.id}`).join(', ');
  if (controls) lines.push('', `Controls: ${md(controls)}`);
  lines.push('', `Documentation: [${md(link)}](${link})`);
  return lines.join('\n');
}

function typeCloud(type: string): Cloud {
  if (type.startsWith('AWS::') || type.startsWith('aws_')) return 'aws';
  return cloudOf(type.split('_')[0]);
}

/** Markdown metacharacters shown literally ("Deny s3:* to Principal *" must not turn italic). */
function md(text: string): string {
  return text.replace(/[\\`*_[\]<>|#]/g, (c) => `\\${c}`);
}

/** "S3 buckets use a customer-managed key" -> "S3BucketsUseACustomerManagedKey" (SARIF `name` is an identifier). */
function pascalName(title: string): string {
  return title
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0].toUpperCase() + w.slice(1))
    .join('');
}
