import { resolveConfig } from '../../lib/core/config';
import { BlueprintConfigError } from '../../lib/core/errors';
import { DEFAULT_GUARDRAIL, GuardrailSettings, validateGuardrailSettings } from '../../lib/core/guardrail';
import {
  DEFAULT_INFERENCE,
  endpointRejectsKmsKey,
  InferenceSettings,
  validateInferenceSettings,
} from '../../lib/core/inference';
import { hasInstanceStore, instanceFamily } from '../../policies/rules/shared/instance-store';

const P = 'BlueprintConfig.inference';
const check = (o: Partial<InferenceSettings>) => () => validateInferenceSettings(P, { ...DEFAULT_INFERENCE, ...o });
const guard = (o: Partial<GuardrailSettings>) => () =>
  validateGuardrailSettings(`${P}.guardrail`, { ...DEFAULT_GUARDRAIL, ...o });

/** The error a call throws, asserted to be a BlueprintConfigError. */
function thrown(fn: () => unknown): BlueprintConfigError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(BlueprintConfigError);
    return e as BlueprintConfigError;
  }
  throw new Error('expected a BlueprintConfigError');
}

describe('inference settings', () => {
  test('the defaults are valid and reach BlueprintConfig', () => {
    expect(validateInferenceSettings(P, DEFAULT_INFERENCE)).toBe(DEFAULT_INFERENCE);
    expect(resolveConfig().inference).toEqual(DEFAULT_INFERENCE);
  });

  test('overrides merge field by field, the guardrail too', () => {
    const c = resolveConfig({ inference: { rateLimit: 5, guardrail: { promptAttackStrength: 'MEDIUM' } } });
    expect(c.inference.rateLimit).toBe(5);
    expect(c.inference.quotaPerDay).toBe(DEFAULT_INFERENCE.quotaPerDay);
    expect(c.inference.guardrail.promptAttackStrength).toBe('MEDIUM');
    expect(c.inference.guardrail.piiEntities).toEqual(DEFAULT_GUARDRAIL.piiEntities);
  });

  test('a GPU variant with a non-GPU instance type names instanceType and the GPU families', () => {
    const e = thrown(check({ accelerator: 'gpu', instanceType: 'ml.m5.xlarge' }));
    expect(e.prop).toBe(`${P}.instanceType`);
    expect(e.message).toMatch(/GPU instance type.*g4dn, g5/);
    expect(e.message).toContain('"ml.m5.xlarge"');
  });

  test('a CPU variant accepts any SageMaker type and rejects malformed ones', () => {
    expect(() => check({ accelerator: 'cpu', instanceType: 'ml.m5.xlarge' })()).not.toThrow();
    expect(thrown(check({ accelerator: 'cpu', instanceType: 'm5.xlarge' })).prop).toBe(`${P}.instanceType`);
    expect(thrown(check({ accelerator: 'tpu' as never })).prop).toBe(`${P}.accelerator`);
  });

  test('a daily quota below the rate names quotaPerDay', () => {
    const e = thrown(check({ rateLimit: 50, burstLimit: 100, quotaPerDay: 49 }));
    expect(e.prop).toBe(`${P}.quotaPerDay`);
    expect(e.message).toMatch(/at least rateLimit \(50 requests\/s\)/);
    expect(() => check({ rateLimit: 50, burstLimit: 100, quotaPerDay: 50 })()).not.toThrow();
  });

  test('a burst below the rate names burstLimit', () => {
    expect(thrown(check({ rateLimit: 20, burstLimit: 10 })).prop).toBe(`${P}.burstLimit`);
  });

  test.each([
    ['instanceCount', { instanceCount: 0 }],
    ['captureSamplingPercentage', { captureSamplingPercentage: 101 }],
    ['maxRequestBytes', { maxRequestBytes: 100_000 }],
    ['callers', { callers: [] }],
    ['callers[1]', { callers: ['app', 'Bad Name'] }],
    ['callers', { callers: ['app', 'app'] }],
    ['allowedResponseFields[0]', { allowedResponseFields: ['label"}, "x": 1'] }],
    ['allowedResponseFields', { allowedResponseFields: [] }],
    ['endpointType', { endpointType: 'EDGE' as never }],
    ['authorization', { authorization: 'none' as never }],
    ['cognitoUserPoolArn', { authorization: 'cognito' as const }],
    ['llmModelId', { llmModelId: 'not a model' }],
    ['llmAllowedResponseFields[0]', { llmAllowedResponseFields: ['trace'] }],
    ['wafRateLimitPer5Minutes', { wafRateLimitPer5Minutes: 5 }],
  ] as [string, Partial<InferenceSettings>][])('%s is validated', (field, o) => {
    expect(thrown(check(o)).prop).toBe(`${P}.${field}`);
  });

  test('cognito authorization with a user pool ARN is accepted', () => {
    const arn = 'arn:aws:cognito-idp:eu-west-1:123456789012:userpool/eu-west-1_AbCdEf123';
    expect(() => check({ authorization: 'cognito', cognitoUserPoolArn: arn })()).not.toThrow();
  });
});

describe('guardrail settings', () => {
  test('a guardrail without any input filter names the prop', () => {
    const e = thrown(guard({ promptAttackStrength: 'NONE', contentInputStrength: 'NONE' }));
    expect(e.prop).toBe(`${P}.guardrail.promptAttackStrength`);
    expect(e.message).toMatch(/an input filter/);
  });

  test('one input filter is enough', () => {
    expect(() => guard({ promptAttackStrength: 'NONE', contentInputStrength: 'LOW' })()).not.toThrow();
    expect(() => guard({ promptAttackStrength: 'HIGH', contentInputStrength: 'NONE' })()).not.toThrow();
  });

  test.each([
    ['piiEntities[0].type', { piiEntities: [{ type: 'SHOE_SIZE', action: 'BLOCK' }] }],
    ['piiEntities[0].action', { piiEntities: [{ type: 'EMAIL', action: 'LOG' }] }],
    [
      'piiEntities',
      {
        piiEntities: [
          { type: 'EMAIL', action: 'BLOCK' },
          { type: 'EMAIL', action: 'ANONYMIZE' },
        ],
      },
    ],
    ['deniedTopics[0].name', { deniedTopics: [{ name: 'bad/name', definition: 'x' }] }],
    ['deniedTopics[0].definition', { deniedTopics: [{ name: 'Investment', definition: ' ' }] }],
    ['blockedWords[0]', { blockedWords: [''] }],
    ['groundingThreshold', { groundingThreshold: 100 }],
    ['contentOutputStrength', { contentOutputStrength: 'MAX' }],
    ['blockedInputMessage', { blockedInputMessage: '' }],
  ] as [string, Partial<GuardrailSettings>][])('%s is validated', (field, o) => {
    expect(thrown(guard(o)).prop).toBe(`${P}.guardrail.${field}`);
  });
});

describe('instance-store (NVMe) families', () => {
  test.each([
    'ml.g4dn.xlarge',
    'ml.g5.2xlarge',
    'ml.g6.xlarge',
    'ml.p4d.24xlarge',
    'ml.p4de.24xlarge',
    'ml.p5.48xlarge',
    'ml.m5d.large',
    'ml.c5d.xlarge',
    'ml.r5d.large',
  ])('%s has local NVMe storage: the endpoint config must omit KmsKeyId', (t) => {
    expect(hasInstanceStore(t)).toBe(true);
    expect(endpointRejectsKmsKey(t)).toBe(true);
  });

  test.each(['ml.m5.xlarge', 'ml.c5.large', 'ml.p3.2xlarge', 'ml.inf2.xlarge', 'ml.g4.xlarge', 'garbage'])(
    '%s has EBS storage only (or is malformed): KmsKeyId is required',
    (t) => expect(endpointRejectsKmsKey(t)).toBe(false),
  );

  test('families are read with or without the ml. prefix', () => {
    expect(instanceFamily('ml.g5.xlarge')).toBe('g5');
    expect(instanceFamily('g5.xlarge')).toBe('g5');
    expect(instanceFamily('g5')).toBeUndefined();
  });
});
