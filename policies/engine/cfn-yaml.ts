import {
  isMap,
  isScalar,
  LineCounter,
  parseDocument,
  type CollectionTag,
  type ScalarTag,
  type YAMLMap,
  type YAMLSeq,
} from 'yaml';
import { KEY_PATH_SEPARATOR } from './json-positions';

/**
 * CloudFormation YAML: every short-form intrinsic tag (`!Ref`, `!GetAtt`, `!Sub`, ...) maps to its
 * long form, in scalar, sequence and mapping variants, so the rest of the engine sees one shape.
 */

const FUNCTIONS: Record<string, string> = {
  Ref: 'Ref',
  Condition: 'Condition',
  GetAtt: 'Fn::GetAtt',
  Sub: 'Fn::Sub',
  Join: 'Fn::Join',
  If: 'Fn::If',
  Equals: 'Fn::Equals',
  Not: 'Fn::Not',
  And: 'Fn::And',
  Or: 'Fn::Or',
  FindInMap: 'Fn::FindInMap',
  Base64: 'Fn::Base64',
  Cidr: 'Fn::Cidr',
  ImportValue: 'Fn::ImportValue',
  Select: 'Fn::Select',
  Split: 'Fn::Split',
  GetAZs: 'Fn::GetAZs',
  Transform: 'Fn::Transform',
  Length: 'Fn::Length',
  ToJsonString: 'Fn::ToJsonString',
};

function scalarForm(name: string, value: string): unknown {
  // `!GetAtt Bucket.Arn` is the string form; the attribute itself may contain dots.
  if (name === 'GetAtt') {
    const dot = value.indexOf('.');
    return { [FUNCTIONS.GetAtt]: dot < 0 ? [value] : [value.slice(0, dot), value.slice(dot + 1)] };
  }
  return { [FUNCTIONS[name]]: value };
}

const collectionJson = (node: YAMLMap | YAMLSeq): unknown => node.toJSON();

const CFN_TAGS: (ScalarTag | CollectionTag)[] = Object.keys(FUNCTIONS).flatMap((name) => {
  const scalar: ScalarTag = { tag: `!${name}`, resolve: (value) => scalarForm(name, value) };
  const seq: CollectionTag = {
    tag: `!${name}`,
    collection: 'seq',
    resolve: (n) => ({ [FUNCTIONS[name]]: collectionJson(n) }),
  };
  const map: CollectionTag = {
    tag: `!${name}`,
    collection: 'map',
    resolve: (n) => ({ [FUNCTIONS[name]]: collectionJson(n) }),
  };
  return [scalar, seq, map];
});

/** Aliases expanded at most (a "billion laughs" document expands far more): beyond, malformed input. */
export const MAX_YAML_ALIASES = 1000;

export type YamlResult = { value: unknown; lines: Map<string, number> } | { error: string; line?: number };

export function parseCloudFormationYaml(text: string): YamlResult {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { customTags: CFN_TAGS, prettyErrors: true, uniqueKeys: true, lineCounter });
  // An unknown tag is only a warning to the parser, but for a template it is malformed input.
  const problem = doc.errors[0] ?? doc.warnings.find((w) => w.code === 'TAG_RESOLVE_FAILED');
  if (problem) {
    const line = problem.linePos?.[0]?.line;
    return { error: problem.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, ''), line };
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_YAML_ALIASES });
  } catch (e) {
    if (e instanceof ReferenceError) return { error: `${e.message} (more than ${MAX_YAML_ALIASES} aliases)` };
    throw e;
  }
  return { value, lines: resourceLines(doc.contents, lineCounter) };
}

/** Line of each key of the top-level map and of `Resources` (the declarations findings point at). */
function resourceLines(contents: unknown, lineCounter: LineCounter): Map<string, number> {
  const lines = new Map<string, number>();
  if (!isMap(contents)) return lines;
  for (const pair of contents.items) {
    if (!isScalar(pair.key) || pair.key.range === undefined || pair.key.range === null) continue;
    const top = String(pair.key.value);
    lines.set(top, lineCounter.linePos(pair.key.range[0]).line);
    if (!isMap(pair.value)) continue;
    for (const inner of pair.value.items) {
      if (!isScalar(inner.key) || !inner.key.range) continue;
      const id = [top, String(inner.key.value)].join(KEY_PATH_SEPARATOR);
      if (!lines.has(id)) lines.set(id, lineCounter.linePos(inner.key.range[0]).line);
    }
  }
  return lines;
}
