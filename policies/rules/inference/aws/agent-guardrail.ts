import type { Check, Equivalent } from '../../../engine/rule';
import { fail, pass } from '../../../engine/rule';
import { joinPath, unknownAt } from '../../shared/read';

/**
 * ZT-INFERENCE-009 on Bedrock agents: an agent orchestrates model calls on the caller's prompt and
 * on tool output (the indirect-injection path), so it applies a guardrail, pinned to a numbered
 * version: DRAFT is the guardrail's working copy and changes with every edit.
 */
interface AgentFields {
  readonly config: string;
  readonly id: string;
  readonly version: string;
}

const agent =
  (f: AgentFields): Check =>
  (res, { graph }) => {
    const idPath = joinPath(f.config, f.id);
    const versionPath = joinPath(f.config, f.version);
    const id = graph.value(res, idPath);
    if (id.kind === 'unknown') return unknownAt(idPath, id.reason);
    if (id.kind === 'absent' || (id.kind === 'literal' && id.value === '')) {
      return fail(
        `${idPath} is not set: the agent's prompts, tool results and answers pass no guardrail; name the platform guardrail`,
        f.config,
      );
    }
    // Terraform takes the version as a number too (guardrail_version = 1).
    const v = graph.value(res, versionPath);
    if (v.kind === 'unknown') return unknownAt(versionPath, v.reason);
    const version =
      v.kind === 'literal' && (typeof v.value === 'string' || typeof v.value === 'number')
        ? String(v.value)
        : undefined;
    if (version === undefined && v.kind !== 'absent')
      return unknownAt(versionPath, `expected a version, found ${v.kind}`);
    if (version === undefined || version.toUpperCase() === 'DRAFT') {
      return fail(
        `${versionPath} is ${version === undefined ? 'not set' : 'DRAFT'}: the working draft changes with every edit; pin a numbered guardrail version`,
        versionPath,
      );
    }
    return pass(`the agent applies guardrail version ${version}`, f.config);
  };

export const agentChecks: Readonly<Record<string, Check>> = {
  'AWS::Bedrock::Agent': agent({
    config: 'GuardrailConfiguration',
    id: 'GuardrailIdentifier',
    version: 'GuardrailVersion',
  }),
  aws_bedrockagent_agent: agent({
    config: 'guardrail_configuration',
    id: 'guardrail_identifier',
    version: 'guardrail_version',
  }),
};

export const agentEquivalents: readonly Equivalent[] = [
  { tool: 'checkov', id: 'CKV_AWS_383', resourceTypes: ['aws_bedrockagent_agent'] },
];
