import type { ResourceGraph } from '../../engine/graph';
import type { Resource } from '../../engine/model';
import type { Resolved } from '../../engine/resolved';
import { type Check, type CheckResult, Rule, fail, notApplicable, pass, unknown } from '../../engine/rule';

/** Values of the endpoint's `environment` tag that mean production. */
const PRODUCTION = ['prod', 'production'];

/** The endpoint's `environment` tag: a value, absent, or unknown. */
function environmentTag(g: ResourceGraph, endpoint: Resource): { value?: string; unknown?: string } {
  const tags = g.value(endpoint, 'Tags');
  if (tags.kind === 'absent') return {};
  if (tags.kind !== 'literal' || !Array.isArray(tags.value)) return { unknown: 'Tags are not a literal list' };
  for (let i = 0; i < tags.value.length; i++) {
    const key = g.value(endpoint, `Tags.${i}.Key`);
    if (key.kind !== 'literal') return { unknown: `Tags.${i}.Key is not literal` };
    if (String(key.value).toLowerCase() !== 'environment') continue;
    const value = g.value(endpoint, `Tags.${i}.Value`);
    return value.kind === 'literal' ? { value: String(value.value) } : { unknown: `Tags.${i}.Value is not literal` };
  }
  return {};
}

/** Same SageMaker model name: the card names the model by GetAtt ModelName, or both are literals. */
function namesModel(card: Resolved, model: Resource, modelName: Resolved): boolean | undefined {
  if (card.kind === 'reference') return card.to.key === model.key;
  if (card.kind === 'literal' && modelName.kind === 'literal') return card.value === modelName.value;
  // A model without ModelName gets a generated one, which a literal card name cannot know.
  if (card.kind === 'absent' || (card.kind === 'literal' && modelName.kind === 'absent')) return false;
  return undefined;
}

const endpoint: Check = (res, { graph }) => {
  const env = environmentTag(graph, res);
  if (env.unknown) return unknown(`cannot tell whether the endpoint is production: ${env.unknown}`, 'Tags');
  if (!env.value || !PRODUCTION.includes(env.value.toLowerCase())) {
    return notApplicable(`the endpoint's environment tag is ${env.value ?? 'not set'}: not production`);
  }
  const config = graph.value(res, 'EndpointConfigName');
  if (config.kind !== 'reference' || config.to.type !== 'AWS::SageMaker::EndpointConfig') {
    return unknown('the endpoint config is not a resource of this template', 'EndpointConfigName');
  }
  const variants = graph.value(config.to, 'ProductionVariants');
  if (variants.kind !== 'literal' || !Array.isArray(variants.value)) {
    return unknown('the endpoint config has no literal ProductionVariants', 'EndpointConfigName');
  }
  const cards = graph.sameDocument(res, 'AWS::SageMaker::ModelCard');
  return variants.value.map((_, i): CheckResult => {
    const ref = graph.value(config.to, `ProductionVariants.${i}.ModelName`);
    if (ref.kind !== 'reference' || ref.to.type !== 'AWS::SageMaker::Model') {
      return unknown(`variant ${i} serves a model that is not a resource of this template`, 'EndpointConfigName');
    }
    const model = ref.to;
    const modelName = graph.value(model, 'ModelName');
    let undecided: string | undefined;
    for (const card of cards) {
      const same = namesModel(graph.value(card, 'Content.ModelOverview.ModelName'), model, modelName);
      if (same === undefined) undecided = `${card.address} names its model only at deploy time`;
      if (!same) continue;
      const status = graph.value(card, 'ModelCardStatus');
      if (status.kind !== 'literal') undecided = `${card.address} ModelCardStatus is not literal`;
      else if (status.value === 'Approved')
        return pass(`${card.address} (Approved) describes ${model.address}`, 'EndpointConfigName');
    }
    if (undecided) return unknown(undecided, 'EndpointConfigName');
    return fail(
      `production endpoint serves ${model.address}, which has no Approved AWS::SageMaker::ModelCard`,
      'EndpointConfigName',
    );
  });
};

export const approvedModelCardRule: Rule = {
  id: 'ZT-MODEL-005',
  title: 'Production endpoints serve only models with an approved model card',
  severity: 'high',
  layer: 'model',
  rationale:
    'A model card records what a model is for, what it was trained on, how it was evaluated and what it must ' +
    'not be used for. Serving a model in production before that record exists and has been approved leaves ' +
    'its intended use, limitations and risks undocumented for the people accountable for it (ISO 42001, EU AI Act).',
  remediation:
    'Create an AWS::SageMaker::ModelCard with ModelCardStatus Approved and Content.ModelOverview.ModelName ' +
    'naming the model (ModelRegistry.addModelCard(id, { status: "Approved", modelName: cfnModel.attrModelName, ... })). ' +
    'Production is read from the endpoint tag environment = prod | production; other endpoints are not applicable.',
  controls: [
    { framework: 'NIST-800-53', id: 'CM-3' },
    { framework: 'SOC2', id: 'CC8.1' },
    { framework: 'ISO-42001', id: 'A.6.2.7' },
    { framework: 'ISO-42001', id: 'A.6.2.5' },
  ],
  equivalents: [],
  reads: ['AWS::SageMaker::EndpointConfig', 'AWS::SageMaker::Model', 'AWS::SageMaker::ModelCard'],
  checks: { 'AWS::SageMaker::Endpoint': endpoint },
};
