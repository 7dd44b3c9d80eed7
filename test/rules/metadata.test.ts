import * as fs from 'fs';
import * as path from 'path';
import { LAYERS, SEVERITIES } from '../../policies/engine';
import type { Rule } from '../../policies/engine';
import { conformanceDir, hasManifest, readManifest } from '../../policies/conformance/manifest';
import { ALL_RULES, ruleById } from '../../policies/rules';

const ROOT = path.resolve(__dirname, '..', '..');
const RULES_DIR = path.join(ROOT, 'policies', 'rules');
const FRAMEWORKS = ['NIST-800-53', 'SOC2', 'HIPAA', 'GDPR', 'ISO-42001', 'ISO-27001'];
const CFN_TYPE = /^[A-Za-z0-9]+::[A-Za-z0-9]+::[A-Za-z0-9]+$/;
const TF_TYPE = /^(aws|azurerm)_[a-z0-9_]+$/;
const CHECKOV_ID = /^CKV2?_(AWS|AZURE)_\d+$/;
const CDK_NAG_ID = /^(AwsSolutions|NIST\.800\.53\.R5|HIPAA\.Security|PCI\.DSS\.321)-[A-Za-z0-9]+$/;

describe.each(ALL_RULES.map((r) => [r.id, r] as const))('%s metadata', (id, rule: Rule) => {
  test('id is ZT-<LAYER>-<NNN> and matches the layer', () => {
    const m = /^ZT-([A-Z]+)-(\d{3})$/.exec(id);
    expect(m).not.toBeNull();
    expect(m![1].toLowerCase()).toBe(rule.layer);
    expect(LAYERS).toContain(rule.layer);
    expect(SEVERITIES).toContain(rule.severity);
  });

  test('lives in policies/rules/<layer>/<id>-<slug>.ts, under 300 lines', () => {
    const dir = path.join(RULES_DIR, rule.layer);
    const files = fs.readdirSync(dir).filter((f) => f.startsWith(`${id.toLowerCase()}-`) && f.endsWith('.ts'));
    expect(files).toHaveLength(1);
    expect(fs.readFileSync(path.join(dir, files[0]), 'utf8').split('\n').length).toBeLessThan(300);
  });

  test('title, rationale, remediation and controls are filled in', () => {
    expect(rule.title.trim().length).toBeGreaterThan(10);
    expect(rule.rationale.trim().length).toBeGreaterThan(80);
    expect(rule.remediation.trim().length).toBeGreaterThan(40);
    expect(rule.controls.length).toBeGreaterThan(0);
    for (const c of rule.controls) {
      expect(FRAMEWORKS).toContain(c.framework);
      expect(c.id.trim()).not.toBe('');
    }
  });

  test('every check key is a resource type', () => {
    const types = Object.keys(rule.checks);
    expect(types.length).toBeGreaterThan(0);
    for (const t of types) {
      expect(CFN_TYPE.test(t) || TF_TYPE.test(t)).toBe(true);
      expect(typeof rule.checks[t]).toBe('function');
    }
  });

  test('equivalents are well-formed and name covered resource types', () => {
    for (const e of rule.equivalents) {
      expect(e.tool === 'checkov' ? CHECKOV_ID.test(e.id) : CDK_NAG_ID.test(e.id)).toBe(true);
      expect(e.resourceTypes?.length).toBeGreaterThan(0);
      for (const t of e.resourceTypes ?? []) expect(Object.keys(rule.checks)).toContain(t);
      if (e.note !== undefined) expect(e.note.trim().length).toBeGreaterThan(20);
    }
  });
});

describe('catalogue', () => {
  test('ids are unique and ruleById finds each rule', () => {
    const ids = ALL_RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of ALL_RULES) expect(ruleById(r.id)).toBe(r);
    expect(ruleById('ZT-DATA-999')).toBeUndefined();
  });

  test('every rule file under policies/rules/<layer>/ is in ALL_RULES', () => {
    const exported = LAYERS.flatMap((layer) => {
      const dir = path.join(RULES_DIR, layer);
      if (!fs.existsSync(dir)) return [];
      return fs
        .readdirSync(dir)
        .filter((f) => /^zt-.*\.ts$/.test(f))
        .flatMap((f) => Object.values(jest.requireActual<Record<string, unknown>>(path.join(dir, f))));
    });
    expect(exported.length).toBe(ALL_RULES.length);
    for (const r of exported) expect(ALL_RULES).toContain(r);
  });
});

const dir = conformanceDir(ROOT);

describe('Checkov equivalents exist in the conformance manifest', () => {
  // The corpus is vendored (test/conformance/checkov): a missing manifest fails, it never skips.
  test('the conformance manifest is present', () => {
    expect({ dir, present: hasManifest(dir) }).toEqual({ dir, present: true });
  });
  const checks = hasManifest(dir) ? readManifest(dir).checks : [];
  const claims = ALL_RULES.flatMap((r) =>
    r.equivalents
      .filter((e) => e.tool === 'checkov')
      .flatMap((e) => (e.resourceTypes ?? []).map((t) => [r.id, e.id, t] as const)),
  );
  test.each(claims)('%s: %s covers %s', (_rule, id, type) => {
    expect(checks.some((c) => c.check_id === id && c.resource_types.includes(type))).toBe(true);
  });
});

/** cdk-nag rule ids are `<pack>-<suffix>`: the suffix is a ruleSuffixOverride or the rule's name in that pack. */
const NAG_PACKS: Record<string, string> = {
  AwsSolutions: 'aws-solutions.js',
  'NIST.800.53.R5': 'nist-800-53-r5.js',
  'HIPAA.Security': 'hipaa-security.js',
  'PCI.DSS.321': 'pci-dss-321.js',
};
const nagClaims = ALL_RULES.flatMap((r) =>
  r.equivalents.filter((e) => e.tool === 'cdk-nag').map((e) => [r.id, e.id] as const),
);
describe('cdk-nag equivalents exist in the installed cdk-nag packs', () => {
  test.each(nagClaims)('%s: %s', (_rule, id) => {
    const dash = id.lastIndexOf('-');
    const pack = NAG_PACKS[id.slice(0, dash)];
    const suffix = id.slice(dash + 1);
    expect(pack).toBeDefined();
    const source = fs.readFileSync(path.join(path.dirname(require.resolve('cdk-nag')), 'packs', pack), 'utf8');
    expect(source.includes(`ruleSuffixOverride: '${suffix}'`) || source.includes(`.${suffix},`)).toBe(true);
  });
});
