import { PULUMI_UNKNOWN } from '../../../policies/integrations/pulumi';
import { resource, run } from './harness';

/**
 * azure-native API Management: request tracing through an Application Insights diagnostic
 * (ZT-MONITORING-007) and backends reached over verified TLS (ZT-INFERENCE-014).
 */
const T = 'azure-native:apimanagement:';
const service = resource(`${T}ApiManagementService`, 'gateway', {
  serviceName: 'apim-platform',
  sku: { name: 'Premium', capacity: 1 },
  publisherEmail: 'platform@example.com',
  publisherName: 'Platform',
  virtualNetworkType: 'Internal',
});
const diagnostic = (props: Record<string, unknown>) =>
  resource(
    `${T}Diagnostic`,
    'insights',
    { serviceName: 'apim-platform', diagnosticId: 'applicationinsights', loggerId: 'loggers/appinsights', ...props },
    { propertyDependencies: { serviceName: [{ urn: service.urn }] } },
  );
const backend = (props: Record<string, unknown>) =>
  resource(`${T}Backend`, 'llm', { serviceName: 'apim-platform', backendId: 'llm', protocol: 'http', ...props });

describe('ZT-MONITORING-007 on azure-native API Management', () => {
  test('an Application Insights diagnostic with W3C correlation passes; none fails', async () => {
    const traced = diagnostic({ sampling: { samplingType: 'fixed', percentage: 100 }, httpCorrelationProtocol: 'W3C' });
    expect(await run('ZT-MONITORING-007', [service, traced])).toEqual([]);
    expect(await run('ZT-MONITORING-007', [service])).toHaveLength(1);
  });
  test('correlation turned off fails (the trace cannot be joined up)', async () => {
    expect(await run('ZT-MONITORING-007', [service, diagnostic({ httpCorrelationProtocol: 'None' })])).toHaveLength(1);
  });
});

describe('ZT-INFERENCE-014 on azure-native:apimanagement:Backend', () => {
  test('an https backend passes; an http one fails', async () => {
    expect(await run('ZT-INFERENCE-014', [backend({ url: 'https://oai.openai.azure.com/openai' })])).toEqual([]);
    expect(await run('ZT-INFERENCE-014', [backend({ url: 'http://10.0.0.4/openai' })])).toHaveLength(1);
  });
  test('certificate chain validation turned off fails; unknown at preview is not a violation', async () => {
    const url = 'https://oai.openai.azure.com/openai';
    const off = backend({ url, tls: { validateCertificateChain: false, validateCertificateName: true } });
    expect(await run('ZT-INFERENCE-014', [off])).toHaveLength(1);
    expect(await run('ZT-INFERENCE-014', [backend({ url, tls: PULUMI_UNKNOWN })])).toEqual([]);
  });
});
