import { type Props, type Reader, defined, enabled, negated, obj } from './read';

/**
 * Azure ML compute (azure-native:machinelearningservices:Compute): one ARM type for clusters
 * (computeType AmlCompute) and instances (ComputeInstance), azurerm's two types. ARM says
 * disableLocalAuth where azurerm says local_auth_enabled, and keeps SSH credentials under the
 * cluster's userAccountCredentials or the instance's sshSettings (azurerm's ssh block).
 */
const TYPES: Readonly<Record<string, string>> = {
  amlcompute: 'azurerm_machine_learning_compute_cluster',
  computeinstance: 'azurerm_machine_learning_compute_instance',
};

const outer = (p: Props): Props => obj(p.properties);
const inner = (p: Props): Props => obj(outer(p).properties);

function cluster(p: Props): Props {
  const q = inner(p);
  const creds = obj(q.userAccountCredentials);
  const ssh = creds.adminUserSshPublicKey ?? creds.adminUserPassword;
  const open = enabled(q.remoteLoginPortPublicAccess);
  return defined({
    name: p.computeName,
    node_public_ip_enabled: q.enableNodePublicIp,
    local_auth_enabled: negated(outer(p).disableLocalAuth),
    // NotSpecified leaves azurerm's default.
    ssh_public_access_enabled: typeof open === 'boolean' || open !== 'NotSpecified' ? open : undefined,
    ssh: ssh === undefined ? undefined : defined({ admin_username: creds.adminUserName, key_value: ssh }),
  });
}

function instance(p: Props): Props {
  const q = inner(p);
  const ssh = obj(q.sshSettings);
  const sshOn = enabled(ssh.sshPublicAccess) === true || ssh.adminPublicKey !== undefined;
  return defined({
    name: p.computeName,
    node_public_ip_enabled: q.enableNodePublicIp,
    local_auth_enabled: negated(outer(p).disableLocalAuth),
    ssh: sshOn ? defined({ public_key: ssh.adminPublicKey }) : undefined,
  });
}

const typeOf = (p: Props): string | undefined => {
  const t = outer(p).computeType;
  return typeof t === 'string' ? TYPES[t.toLowerCase()] : undefined;
};

export const ML_COMPUTE: Readonly<Record<string, Reader>> = {
  'azure-native:machinelearningservices:Compute': {
    type: TYPES.amlcompute,
    typeOf,
    read: (p) => (typeOf(p) === TYPES.computeinstance ? instance(p) : cluster(p)),
  },
};
