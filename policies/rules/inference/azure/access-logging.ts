import type { ResourceGraph } from '../../../engine/graph';
import type { Resource } from '../../../engine/model';
import { type Check, type CheckResult, type Equivalent, fail, pass } from '../../../engine/rule';
import { bestOf } from '../../shared/combine';
import { APIM_DIAGNOSTIC, DIAGNOSTIC_SETTING } from '../../shared/companion-specs';
import { judgeWithCompanions } from '../../shared/companions';
import { judgeLogExport } from '../../shared/diagnostic-setting';
import { isPresent, readNumber, readString, unknownAt } from '../../shared/read';

/**
 * ZT-INFERENCE-006 on Terraform azurerm_*: API Management logs every call, through its own
 * diagnostic (to an Azure Monitor / Application Insights logger, unsampled) or through a
 * diagnostic setting sending its GatewayLogs to a workspace, storage or event hub. Either suffices.
 */
const IDENTIFIERS = ['azuremonitor', 'applicationinsights'];

function apimDiagnostic(g: ResourceGraph, d: Resource): CheckResult {
  const id = readString(g, d, 'identifier');
  if (id.kind === 'unknown') return unknownAt('identifier', id.reason);
  if (id.kind !== 'value' || !IDENTIFIERS.includes(id.value))
    return fail(`identifier is not one of ${IDENTIFIERS.join(', ')}`, 'identifier');
  if (!isPresent(g, d, 'api_management_logger_id'))
    return fail('api_management_logger_id is not set: the diagnostic has nowhere to write', 'api_management_logger_id');
  const sampling = readNumber(g, d, 'sampling_percentage');
  if (sampling.kind === 'unknown') return unknownAt('sampling_percentage', sampling.reason);
  if (sampling.kind === 'value' && sampling.value < 100)
    return fail(
      `sampling_percentage is ${sampling.value}: only a sample of calls is logged; set it to 100`,
      'sampling_percentage',
    );
  return pass(`an ${id.value} diagnostic logs every call`, 'identifier');
}

const GATEWAY_LOGS = new Set(['GatewayLogs', 'allLogs']);

const diagnosticSetting = (g: ResourceGraph, d: Resource): CheckResult =>
  judgeLogExport(g, d, (category, group) => GATEWAY_LOGS.has(category ?? '') || GATEWAY_LOGS.has(group ?? ''), {
    what: 'GatewayLogs: every gateway call',
    missing: 'no enabled_log sends GatewayLogs (or the allLogs group): gateway calls are not logged',
  });

const apim: Check = (a, { graph }) => {
  const none = (what: string) => () =>
    fail(`no ${what} targets the instance: calls to the model gateway leave no log`, what);
  const own = judgeWithCompanions(graph, a, {
    spec: APIM_DIAGNOSTIC,
    judge: (d) => apimDiagnostic(graph, d),
    inline: none(APIM_DIAGNOSTIC.type),
  });
  const monitor = judgeWithCompanions(graph, a, {
    spec: DIAGNOSTIC_SETTING,
    judge: (d) => diagnosticSetting(graph, d),
    inline: none(DIAGNOSTIC_SETTING.type),
  });
  const best = bestOf([...own, ...monitor])!;
  return best.verdict === 'fail'
    ? fail(
        `no diagnostic logs the instance's calls: ${[...own, ...monitor].map((r) => r.message).join('; ')}`,
        best.path,
      )
    : best;
};

export const azureChecks: Readonly<Record<string, Check>> = { azurerm_api_management: apim };

export const azureEquivalents: readonly Equivalent[] = [];
