import { buildGraph, fail, loadCloudFormationObject, loadTerraformObject, pass } from '../../policies/engine';
import type { Check, CheckResult, Document } from '../../policies/engine';
import type { CompanionSpec } from '../../policies/rules/shared/companion-index';
import {
  CFN_WAF_ASSOCIATION,
  DIAGNOSTIC_SETTING,
  PRIVATE_ENDPOINT,
  TF_BUCKET_VERSIONING,
} from '../../policies/rules/shared/companion-specs';
import { withCompanions } from '../../policies/rules/shared/companions';

/**
 * Companion matching decides from the references a composed value keeps: an ARN built with
 * Fn::Sub from an API and a stage, a diagnostic setting on a storage account's blob service, a
 * private endpoint's nested target. Each case was wrong before composed values kept references.
 */

/** The resource needs some companion of `spec`; any attached companion passes. */
const needs = (spec: CompanionSpec): Check =>
  withCompanions({
    spec,
    judge: () => pass('companion attached'),
    inline: () => fail(`no ${spec.type} targets it`, spec.type),
  });

function verdict(doc: Document, check: Check, address: string): CheckResult {
  const graph = buildGraph([doc]);
  const r = doc.resources.find((x) => x.address === address)!;
  const out = check(r, { graph });
  return (Array.isArray(out) ? out[0] : out) as CheckResult;
}

describe('CloudFormation: WAF association ARN composed with Fn::Sub', () => {
  const stageArn = (stage: string) => ({
    'Fn::Sub': `arn:\${AWS::Partition}:apigateway:\${AWS::Region}::/restapis/\${Api}/stages/\${${stage}}`,
  });
  const doc = loadCloudFormationObject(
    {
      Resources: {
        Api: { Type: 'AWS::ApiGateway::RestApi', Properties: {} },
        Prod: { Type: 'AWS::ApiGateway::Stage', Properties: { RestApiId: { Ref: 'Api' } } },
        Dev: { Type: 'AWS::ApiGateway::Stage', Properties: { RestApiId: { Ref: 'Api' } } },
        Assoc: { Type: 'AWS::WAFv2::WebACLAssociation', Properties: { ResourceArn: stageArn('Prod'), WebACLArn: 'x' } },
      },
    },
    { file: 'waf.json' },
  );
  const check = needs(CFN_WAF_ASSOCIATION);

  test('the associated stage passes', () => {
    expect(verdict(doc, check, 'Prod').verdict).toBe('pass');
  });

  test('a stage with no WAF fails although another stage has one (was unknown)', () => {
    expect(verdict(doc, check, 'Dev')).toMatchObject({ verdict: 'fail', path: 'AWS::WAFv2::WebACLAssociation' });
  });

  test('an association whose ARN comes from a parameter keeps the missing stage unknown', () => {
    const withParam = loadCloudFormationObject(
      {
        Parameters: { Arn: { Type: 'String' } },
        Resources: {
          Dev: { Type: 'AWS::ApiGateway::Stage', Properties: {} },
          Assoc: { Type: 'AWS::WAFv2::WebACLAssociation', Properties: { ResourceArn: { Ref: 'Arn' } } },
        },
      },
      { file: 'waf-param.json' },
    );
    expect(verdict(withParam, check, 'Dev')).toMatchObject({ verdict: 'unknown', message: /parameter Arn/ });
  });
});

describe('Terraform: composed and nested companion targets', () => {
  const tf = (resources: Record<string, Record<string, unknown>>) =>
    loadTerraformObject({ resource: resources }, { file: 'main.tf.json' });

  test('a diagnostic setting on the blob service attaches to its storage account (was unmatched)', () => {
    const doc = tf({
      azurerm_storage_account: { sa: { name: 'sa' }, other: { name: 'other' } },
      azurerm_monitor_diagnostic_setting: {
        blob: { target_resource_id: '${azurerm_storage_account.sa.id}/blobServices/default' },
      },
    });
    expect(verdict(doc, needs(DIAGNOSTIC_SETTING), 'azurerm_storage_account.sa').verdict).toBe('pass');
    expect(verdict(doc, needs(DIAGNOSTIC_SETTING), 'azurerm_storage_account.other').verdict).toBe('fail');
  });

  test('a name derived from the target is not the target', () => {
    const doc = tf({
      aws_s3_bucket: { b: {} },
      aws_s3_bucket_versioning: { v: { bucket: '${aws_s3_bucket.b.id}-replica' } },
    });
    expect(verdict(doc, needs(TF_BUCKET_VERSIONING), 'aws_s3_bucket.b').verdict).toBe('fail');
  });

  test('a private endpoint whose nested target is a variable may apply: unknown, not a false fail', () => {
    const doc = tf({
      azurerm_storage_account: { sa: { name: 'sa' } },
      azurerm_private_endpoint: {
        pe: { private_service_connection: [{ name: 'c', private_connection_resource_id: '${var.account_id}' }] },
      },
    });
    expect(verdict(doc, needs(PRIVATE_ENDPOINT), 'azurerm_storage_account.sa')).toMatchObject({
      verdict: 'unknown',
      message: /var\.account_id/,
    });
  });

  test('a private endpoint whose nested target is the account attaches (block as a list or as one object)', () => {
    for (const connection of [
      [{ private_connection_resource_id: '${azurerm_storage_account.sa.id}' }],
      { private_connection_resource_id: '${azurerm_storage_account.sa.id}' },
    ]) {
      const doc = tf({
        azurerm_storage_account: { sa: { name: 'sa' } },
        azurerm_private_endpoint: { pe: { private_service_connection: connection } },
      });
      expect(verdict(doc, needs(PRIVATE_ENDPOINT), 'azurerm_storage_account.sa').verdict).toBe('pass');
    }
  });
});
