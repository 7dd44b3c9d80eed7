import { RuleCase, tf } from '../helpers';

/** ZT-IDENTITY-005 on Azure: workload identity federation (subject, audience, issuer). */
const fic = (args: Record<string, unknown>) =>
  tf({
    azurerm_federated_identity_credential: {
      f: {
        name: 'f',
        resource_group_name: 'rg',
        parent_id: '${azurerm_user_assigned_identity.id.id}',
        audience: ['api://AzureADTokenExchange'],
        issuer: 'https://token.actions.githubusercontent.com',
        subject: 'repo:acme/models:environment:prod',
        ...args,
      },
    },
  });
const FIC = 'azurerm_federated_identity_credential.f';

export const azureCases: RuleCase[] = [
  { name: 'federated credential for one GitHub environment', doc: fic({}), address: FIC, verdict: 'pass' },
  {
    name: 'federated credential issued by an AKS cluster',
    doc: fic({
      issuer: '${azurerm_kubernetes_cluster.k.oidc_issuer_url}',
      subject: 'system:serviceaccount:ml:trainer',
    }),
    address: FIC,
    verdict: 'pass',
  },
  {
    name: 'federated credential with a wildcard subject',
    doc: fic({ subject: 'repo:acme/*' }),
    address: FIC,
    verdict: 'fail',
    path: 'subject',
  },
  {
    name: 'federated credential with an empty subject',
    doc: fic({ subject: '' }),
    address: FIC,
    verdict: 'fail',
    path: 'subject',
  },
  {
    name: 'federated credential with a foreign audience',
    doc: fic({ audience: ['api://AzureADTokenExchange', 'api://my-app'] }),
    address: FIC,
    verdict: 'fail',
    path: 'audience.1',
  },
  {
    name: 'federated credential with a plain-http issuer',
    doc: fic({ issuer: 'http://issuer.example.com' }),
    address: FIC,
    verdict: 'fail',
    path: 'issuer',
  },
  {
    name: 'federated credential subject from a variable',
    doc: fic({ subject: 'system:serviceaccount:${var.namespace}:trainer' }),
    address: FIC,
    verdict: 'unknown',
    path: 'subject',
  },
  {
    name: 'federated credential issuer from a variable',
    doc: fic({ issuer: '${var.issuer}' }),
    address: FIC,
    verdict: 'unknown',
    path: 'issuer',
  },
  {
    name: 'federated credential audience from a variable',
    doc: fic({ audience: '${var.audience}' }),
    address: FIC,
    verdict: 'unknown',
    path: 'audience',
  },
];
