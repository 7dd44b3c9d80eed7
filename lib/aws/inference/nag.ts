import * as apigw from 'aws-cdk-lib/aws-apigateway';
import type { ApiAuthorization } from '../../core/inference';
import { acknowledgeNagRule } from '../waive';
import type { Gateway } from './gateway';

const CACHE_REASON =
  'Stage caching is off on purpose: a cached inference answer would be served to a different caller without ' +
  "invoking the model, bypassing per-caller metering and leaking one caller's prediction to another; answers " +
  'are small and computed per request.';
const CLIENT_CERT_REASON =
  'A stage client certificate authenticates API Gateway to an HTTP backend. This API has only AWS service ' +
  'integrations, which API Gateway signs with SigV4 using the least-privilege credentials role; a certificate ' +
  'would never be presented to the SageMaker or Bedrock runtime.';
const IAM_AUTH_REASON =
  'Methods use IAM (SigV4) authorization, the platform default: every caller is an IAM principal of the ' +
  'account whose identity is logged, plus an API key of the usage plan. A Cognito authorizer is the option ' +
  'settings.authorization = "cognito".';

/** The cdk-nag findings an inference API accepts by design, each with its reason. */
export function acknowledgeGatewayNagFindings(gateway: Gateway, authorization: ApiAuthorization): void {
  for (const pack of ['NIST.800.53.R5', 'HIPAA.Security']) {
    acknowledgeNagRule(gateway.stage, `${pack}-APIGWCacheEnabledAndEncrypted`, CACHE_REASON);
    acknowledgeNagRule(gateway.stage, `${pack}-APIGWSSLEnabled`, CLIENT_CERT_REASON);
  }
  if (authorization === 'iam') {
    for (const child of gateway.api.node.findAll()) {
      if (child instanceof apigw.Method) acknowledgeNagRule(child, 'AwsSolutions-COG4', IAM_AUTH_REASON);
    }
  }
}
