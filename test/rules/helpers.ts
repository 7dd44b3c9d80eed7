import { buildGraph, loadCloudFormationObject, loadTerraformObject } from '../../policies/engine';
import type { CheckResult, Document, Rule, Verdict } from '../../policies/engine';

/** Small in-memory documents and a runner for one rule's check on one resource. */

export function cfn(resources: Record<string, unknown>, extra: Record<string, unknown> = {}): Document {
  return loadCloudFormationObject(
    { AWSTemplateFormatVersion: '2010-09-09', ...extra, Resources: resources },
    {
      file: 'test.template.json',
    },
  );
}

/** Terraform JSON: `{ aws_s3_bucket: { data: {...} } }` becomes the `resource` section. */
export function tf(resources: Record<string, Record<string, unknown>>, extra: Record<string, unknown> = {}): Document {
  return loadTerraformObject({ ...extra, resource: resources }, { file: 'test.tf.json' });
}

/** Every result of the rule's check on one resource (each is its own finding). */
export function runCheckAll(rule: Rule, doc: Document, address: string): readonly CheckResult[] {
  const graph = buildGraph([doc]);
  const resource = doc.resources.find((r) => r.address === address);
  if (!resource) throw new Error(`no resource ${address} in the test document`);
  const check = rule.checks[resource.type];
  if (!check) throw new Error(`${rule.id} has no check for ${resource.type}`);
  const out = check(resource, { graph });
  return Array.isArray(out) ? (out as readonly CheckResult[]) : [out as CheckResult];
}

/** The result that decides the resource's verdict: the first fail, else the first unknown, else the first. */
export function runCheck(rule: Rule, doc: Document, address: string): CheckResult {
  const all = runCheckAll(rule, doc, address);
  return all.find((r) => r.verdict === 'fail') ?? all.find((r) => r.verdict === 'unknown') ?? all[0];
}

export interface RuleCase {
  readonly name: string;
  readonly doc: Document;
  readonly address: string;
  readonly verdict: Verdict;
  /** Expected path of the result (required to be present on every fail). */
  readonly path?: string;
  /** Text the message must contain (e.g. the reason of an unknown). */
  readonly message?: string | RegExp;
  /** Paths of every failing finding, in order, when the check reports several. */
  readonly failingPaths?: readonly string[];
}

export interface RuleCases {
  readonly rule: Rule;
  readonly cases: readonly RuleCase[];
}

/** Registers one jest test per case. */
export function runCases({ rule, cases }: RuleCases): void {
  describe(`${rule.id} ${rule.title}`, () => {
    test.each(cases.map((c) => [`${c.verdict}: ${c.name}`, c] as const))('%s', (_name, c) => {
      const result = runCheck(rule, c.doc, c.address);
      expect({ verdict: result.verdict, message: result.message }).toEqual({
        verdict: c.verdict,
        message: expect.any(String),
      });
      if (result.verdict === 'fail') expect(result.path).toEqual(expect.any(String));
      if (c.path !== undefined) expect(result.path).toBe(c.path);
      if (c.message !== undefined) expect(result.message).toMatch(c.message);
      if (c.failingPaths !== undefined) {
        const failing = runCheckAll(rule, c.doc, c.address).filter((r) => r.verdict === 'fail');
        expect(failing.map((r) => r.path)).toEqual(c.failingPaths);
      }
    });
  });
}

/** Resource type of a case (for the coverage test). */
export const caseType = (c: RuleCase): string => {
  const r = c.doc.resources.find((x) => x.address === c.address);
  if (!r) throw new Error(`no resource ${c.address}`);
  return r.type;
};
