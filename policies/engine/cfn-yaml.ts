import { parseDocument, type CollectionTag, type ScalarTag, type YAMLMap, type YAMLSeq } from 'yaml';

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

export type YamlResult = { value: unknown } | { error: string; line?: number };

export function parseCloudFormationYaml(text: string): YamlResult {
  const doc = parseDocument(text, { customTags: CFN_TAGS, prettyErrors: true, uniqueKeys: true });
  // An unknown tag is only a warning to the parser, but for a template it is malformed input.
  const problem = doc.errors[0] ?? doc.warnings.find((w) => w.code === 'TAG_RESOLVE_FAILED');
  if (problem) {
    const line = problem.linePos?.[0]?.line;
    return { error: problem.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, ''), line };
  }
  return { value: doc.toJS({ maxAliasCount: 1000 }) };
}
