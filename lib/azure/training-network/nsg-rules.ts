import { SubnetRole } from './props';

/** One NSG rule, before it is bound to a group. */
export interface NsgRule {
  readonly name: string;
  readonly priority: number;
  readonly direction: 'Inbound' | 'Outbound';
  readonly access: 'Allow' | 'Deny';
  readonly protocol: 'Tcp' | 'Udp' | '*';
  readonly source: string | readonly string[];
  readonly destination: string | readonly string[];
  readonly ports: string;
  readonly description: string;
}

/**
 * Service tags the training subnet may reach on 443, and why. Nothing else leaves the subnet
 * except HTTPS to the private endpoints. (The subnet has no default outbound access, so these
 * take effect once the platform owner routes egress through a firewall or NAT; without one,
 * only the private endpoints are reachable at all.)
 */
export const TRAINING_SERVICE_TAGS: readonly { tag: string; reason: string }[] = [
  { tag: 'AzureMachineLearning', reason: 'Azure ML control plane: job submission, status, run history' },
  { tag: 'BatchNodeManagement', reason: 'AML compute clusters are Batch pools: node management and scheduling' },
  { tag: 'Storage', reason: "Azure ML's Batch queues and the workspace's job-artifact storage" },
  { tag: 'AzureActiveDirectory', reason: 'Entra ID tokens for managed identities and SDK authentication' },
  { tag: 'AzureMonitor', reason: 'Metrics and logs of training jobs (Application Insights, Log Analytics)' },
  { tag: 'AzureContainerRegistry', reason: 'Training images from the platform registry' },
  { tag: 'MicrosoftContainerRegistry', reason: 'Curated Azure ML base images on mcr.microsoft.com' },
  { tag: 'AzureFrontDoor.FirstParty', reason: "mcr.microsoft.com's data endpoint is served through it" },
];

/** Closing rules every NSG ends with: no internet either way, then nothing else either way. */
function closing(): NsgRule[] {
  const rule = (name: string, priority: number, direction: NsgRule['direction'], peer: string): NsgRule => ({
    name,
    priority,
    direction,
    access: 'Deny',
    protocol: '*',
    source: direction === 'Inbound' ? peer : '*',
    destination: direction === 'Outbound' ? peer : '*',
    ports: '*',
    description:
      peer === 'Internet'
        ? `No ${direction === 'Inbound' ? 'inbound traffic from' : 'outbound traffic to'} the internet`
        : `Default deny: overrides Azure's AllowVnet/AllowAzureLoadBalancer/AllowInternet defaults`,
  });
  return [
    rule('deny-internet-inbound', 4000, 'Inbound', 'Internet'),
    rule('deny-internet-outbound', 4000, 'Outbound', 'Internet'),
    rule('deny-all-inbound', 4096, 'Inbound', '*'),
    rule('deny-all-outbound', 4096, 'Outbound', '*'),
  ];
}

const allow = (r: Omit<NsgRule, 'access'>): NsgRule => ({ ...r, access: 'Allow' });

/** The rules of each subnet's NSG: explicit allows for what the role needs, then deny all. */
export function nsgRules(
  subnets: Readonly<Record<SubnetRole, string>>,
  peClients: readonly string[],
): Record<SubnetRole, NsgRule[]> {
  const { training, privateEndpoints, apiManagement } = subnets;
  const trainingRules: NsgRule[] = [
    allow({
      name: 'allow-training-peers-inbound',
      priority: 100,
      direction: 'Inbound',
      protocol: '*',
      source: training,
      destination: training,
      ports: '*',
      description: 'Nodes of one distributed training job (NCCL/MPI) reach each other',
    }),
    allow({
      name: 'allow-training-peers-outbound',
      priority: 100,
      direction: 'Outbound',
      protocol: '*',
      source: training,
      destination: training,
      ports: '*',
      description: 'Nodes of one distributed training job (NCCL/MPI) reach each other',
    }),
    allow({
      name: 'allow-private-endpoints-outbound',
      priority: 110,
      direction: 'Outbound',
      protocol: 'Tcp',
      source: training,
      destination: privateEndpoints,
      ports: '443',
      description: 'The data lake, Key Vault, registry and AML workspace through their private endpoints',
    }),
    ...TRAINING_SERVICE_TAGS.map(({ tag, reason }, i) =>
      allow({
        name: `allow-${tag.toLowerCase().replace(/\./g, '-')}-outbound`,
        priority: 200 + i * 10,
        direction: 'Outbound',
        protocol: 'Tcp',
        source: training,
        destination: tag,
        ports: '443',
        description: reason,
      }),
    ),
    ...closing(),
  ];
  const peRules: NsgRule[] = [
    allow({
      name: 'allow-platform-https-inbound',
      priority: 100,
      direction: 'Inbound',
      protocol: 'Tcp',
      source: [training, apiManagement, ...peClients],
      destination: privateEndpoints,
      ports: '443',
      description: 'HTTPS from the training and API Management subnets (and listed clients) only',
    }),
    ...closing(),
  ];
  const apimRules: NsgRule[] = [
    allow({
      name: 'allow-private-endpoints-outbound',
      priority: 100,
      direction: 'Outbound',
      protocol: 'Tcp',
      source: apiManagement,
      destination: privateEndpoints,
      ports: '443',
      description: 'Backends (Azure OpenAI, AI services, AML endpoints) through their private endpoints',
    }),
    ...closing(),
  ];
  return { training: trainingRules, privateEndpoints: peRules, apiManagement: apimRules };
}
