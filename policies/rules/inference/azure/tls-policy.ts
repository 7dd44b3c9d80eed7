import type { ResourceGraph } from '../../../engine/graph';
import type { Resource } from '../../../engine/model';
import { type Check, type CheckResult, type Equivalent, pass } from '../../../engine/rule';
import { eachOf } from '../../shared/combine';
import { isFalse, judgeSetting } from '../../shared/expect';
import { isPlainObject, joinPath, rawAt, unknownAt } from '../../shared/read';
import { tfBlock, throughDynamic } from '../../shared/tf-blocks';

/**
 * ZT-INFERENCE-007 on Terraform azurerm_*: API Management's `security` block leaves SSL 3.0,
 * TLS 1.0 / 1.1 (frontend and backend), triple DES and the weak cipher suites (CBC with SHA-1,
 * RSA key exchange without forward secrecy) off. azurerm 4.x defaults every flag to false; the
 * 3.x `enable_*` spellings are judged too. An argument the schema does not know cannot be judged.
 */
const FLAGS: Readonly<Record<string, string | undefined>> = {
  frontend_ssl30_enabled: 'enable_frontend_ssl30',
  frontend_tls10_enabled: 'enable_frontend_tls10',
  frontend_tls11_enabled: 'enable_frontend_tls11',
  backend_ssl30_enabled: 'enable_backend_ssl30',
  backend_tls10_enabled: 'enable_backend_tls10',
  backend_tls11_enabled: 'enable_backend_tls11',
  triple_des_ciphers_enabled: undefined,
  tls_ecdhe_ecdsa_with_aes128_cbc_sha_ciphers_enabled: undefined,
  tls_ecdhe_ecdsa_with_aes256_cbc_sha_ciphers_enabled: undefined,
  tls_ecdhe_rsa_with_aes128_cbc_sha_ciphers_enabled: undefined,
  tls_ecdhe_rsa_with_aes256_cbc_sha_ciphers_enabled: undefined,
  tls_rsa_with_aes128_cbc_sha256_ciphers_enabled: undefined,
  tls_rsa_with_aes128_cbc_sha_ciphers_enabled: undefined,
  tls_rsa_with_aes128_gcm_sha256_ciphers_enabled: undefined,
  tls_rsa_with_aes256_cbc_sha256_ciphers_enabled: undefined,
  tls_rsa_with_aes256_cbc_sha_ciphers_enabled: undefined,
  tls_rsa_with_aes256_gcm_sha384_ciphers_enabled: undefined,
};
const KNOWN = new Set([...Object.keys(FLAGS), ...Object.values(FLAGS).filter((v): v is string => !!v)]);

const off = (flag: string) =>
  isFalse(flag, {
    providerDefault: false,
    risk: 'the gateway negotiates a protocol or cipher open to downgrade and decryption attacks',
    aliases: FLAGS[flag] ? [FLAGS[flag]!] : [],
  });

function security(g: ResourceGraph, a: Resource): CheckResult[] {
  const loc = tfBlock(g, a, '', 'security');
  if (loc.kind === 'absent')
    return [pass('no security block: every legacy protocol and weak cipher is off (provider defaults)', 'security')];
  const raw = rawAt(a, loc.path);
  const block = Array.isArray(raw) ? raw[0] : raw;
  const strange = isPlainObject(block) ? Object.keys(block).filter((k) => !KNOWN.has(k)) : [];
  const results = Object.keys(FLAGS).map((flag) => throughDynamic(loc, judgeSetting(g, a, off(flag), loc.path)));
  for (const k of strange)
    results.push(
      unknownAt(joinPath(loc.path, k), 'it is not an azurerm 4.x security argument, so what it sets cannot be judged'),
    );
  return results;
}

export const azureChecks: Readonly<Record<string, Check>> = {
  azurerm_api_management: (a, { graph }) =>
    eachOf(security(graph, a), 'the security block leaves legacy TLS and weak ciphers off', 'security'),
};

export const azureEquivalents: readonly Equivalent[] = [
  {
    tool: 'checkov',
    id: 'CKV_AZURE_173',
    resourceTypes: ['azurerm_api_management'],
    differences: [
      {
        resource: 'azurerm_api_management.fail',
        reason:
          'enable_back_end_ssl30 is not an azurerm argument (Terraform rejects it): reported unknown, not guessed',
      },
    ],
  },
];
