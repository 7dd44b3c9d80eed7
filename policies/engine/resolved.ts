import type { Resource } from './model';

/**
 * What a synthesized value means at synth time, whatever the source shape (CloudFormation
 * intrinsics, Terraform interpolations, Pulumi inputs):
 * - literal: a plain JSON value (CFN "true"/"false" strings are left as-is; use `asBoolean`);
 * - reference: the value is another loaded resource (or one of its attributes);
 * - composed: text and references joined (`arn:...:/restapis/${Api}/stages/${Stage}`,
 *   `${azurerm_storage_account.sa.id}/blobServices/default`): not a literal, but the references
 *   it is built from are known, so relational rules can still decide;
 * - absent: not set;
 * - unknown: decided only at deploy time (parameters, variables, data sources, conditions whose
 *   branches differ, ...), with the reason. A Terraform reference to a resource that is not
 *   loaded is unknown but names its `target` (the address alone says the type).
 * A rule that depends on an unknown value returns `unknown`, never a guess.
 */
export type Resolved = Literal | ReferenceValue | Composed | Absent | Unknown;

export interface Literal {
  readonly kind: 'literal';
  readonly value: unknown;
}

export interface ReferenceValue {
  readonly kind: 'reference';
  readonly to: Resource;
  readonly attribute?: string;
  /** The instance of a counted Terraform resource the reference names (`0`, `"a"`, `count.index`). */
  readonly instance?: string;
}

export interface Composed {
  readonly kind: 'composed';
  /** In order; text parts are literal strings, the others references or unknowns. */
  readonly parts: readonly (string | ReferenceValue | Unknown)[];
}

export interface Absent {
  readonly kind: 'absent';
}

export interface Unknown {
  readonly kind: 'unknown';
  readonly reason: string;
  readonly target?: UnloadedTarget;
}

/** A resource a Terraform value references by address (`${aws_kms_key.k.arn}`) that is not loaded. */
export interface UnloadedTarget {
  /** `type.name`, e.g. "aws_kms_key.k". */
  readonly address: string;
  readonly type: string;
  readonly attribute?: string;
}

export const ABSENT: Absent = Object.freeze({ kind: 'absent' });
export const literal = (value: unknown): Literal => ({ kind: 'literal', value });
export const unknownValue = (reason: string): Unknown => ({ kind: 'unknown', reason });

/** `true`/`false` for literal booleans and CFN's "true"/"false" strings; undefined otherwise. */
export function asBoolean(r: Resolved): boolean | undefined {
  if (r.kind !== 'literal') return undefined;
  if (typeof r.value === 'boolean') return r.value;
  if (typeof r.value === 'string') {
    const v = r.value.toLowerCase();
    if (v === 'true') return true;
    if (v === 'false') return false;
  }
  return undefined;
}

export function asString(r: Resolved): string | undefined {
  return r.kind === 'literal' && typeof r.value === 'string' ? r.value : undefined;
}

export function asNumber(r: Resolved): number | undefined {
  if (r.kind !== 'literal') return undefined;
  if (typeof r.value === 'number') return r.value;
  if (typeof r.value === 'string' && r.value.trim() !== '' && !Number.isNaN(Number(r.value))) return Number(r.value);
  return undefined;
}

/** The resources a value is, or is built from. */
export function referencedResources(r: Resolved): Resource[] {
  if (r.kind === 'reference') return [r.to];
  if (r.kind !== 'composed') return [];
  const out: Resource[] = [];
  for (const p of r.parts) if (typeof p !== 'string' && p.kind === 'reference' && !out.includes(p.to)) out.push(p.to);
  return out;
}

/** A sentence fragment for messages: why the value is not a usable literal. */
export function describeResolved(r: Resolved): string {
  switch (r.kind) {
    case 'unknown':
      return r.reason;
    case 'reference':
      return `it is taken from ${r.to.address}${r.attribute ? `.${r.attribute}` : ''}, known only at deploy time`;
    case 'composed':
      return `composed value (${describeParts(r)})`;
    case 'absent':
      return 'it is not set';
    default:
      return `it is ${JSON.stringify(r.value)}`;
  }
}

function describeParts(r: Composed): string {
  const refs = referencedResources(r).map((x) => x.address);
  const unknowns = r.parts.filter((p): p is Unknown => typeof p !== 'string' && p.kind === 'unknown');
  const bits: string[] = [];
  if (refs.length > 0) bits.push(`references ${refs.join(', ')}`);
  if (unknowns.length > 0) bits.push(unknowns.map((u) => u.reason).join('; '));
  return bits.join('; ') || 'text';
}

/**
 * Joins resolved pieces (Fn::Sub, Fn::Join, Terraform template strings): literal text joins to a
 * literal; one non-text piece alone is that piece; anything else is `composed`, references kept.
 */
export class Concatenation {
  private readonly parts: (string | ReferenceValue | Unknown)[] = [];
  private count = 0;
  private only?: Resolved;

  addText(text: string): void {
    if (text === '') return;
    this.count++;
    this.only = undefined;
    const last = this.parts.length - 1;
    if (last >= 0 && typeof this.parts[last] === 'string') this.parts[last] += text;
    else this.parts.push(text);
  }

  add(p: Resolved): void {
    switch (p.kind) {
      case 'absent':
        return;
      case 'literal':
        if (typeof p.value === 'string' || typeof p.value === 'number' || typeof p.value === 'boolean') {
          this.addText(String(p.value));
        } else this.push(p, unknownValue('a non-text value joined into text'));
        return;
      case 'composed':
        for (const part of p.parts) {
          if (typeof part === 'string') this.addText(part);
          else this.add(part);
        }
        return;
      default:
        this.push(p, p);
    }
  }

  private push(whole: Resolved, part: ReferenceValue | Unknown): void {
    this.count++;
    this.only = this.count === 1 ? whole : undefined;
    this.parts.push(part);
  }

  result(): Resolved {
    if (this.count === 0) return literal('');
    if (this.only) return this.only;
    if (this.parts.length === 1 && typeof this.parts[0] === 'string') return literal(this.parts[0]);
    return { kind: 'composed', parts: this.parts };
  }
}
