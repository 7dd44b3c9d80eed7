import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { ROTATION_CODE } from '../../lib/aws/secrets/rotation-code';
import { tempDir } from '../support/temp-dir';

/**
 * Runs the inline rotation function against an in-memory Secrets Manager (a stub `boto3` module),
 * through the four steps Secrets Manager calls, and checks the versions it leaves behind.
 */
const FAKE_BOTO3 = `
import json
class ResourceNotFoundException(Exception):
    pass
class Exceptions:
    ResourceNotFoundException = ResourceNotFoundException
class FakeSecretsManager:
    exceptions = Exceptions
    def __init__(self):
        self.values = {"v1": "old-value"}
        self.stages = {"v1": ["AWSCURRENT"], "v2": ["AWSPENDING"]}
        self.calls = []
    def describe_secret(self, SecretId):
        return {"RotationEnabled": True, "VersionIdsToStages": {k: list(v) for k, v in self.stages.items()}}
    def get_secret_value(self, SecretId, VersionId=None, VersionStage=None):
        vid = VersionId or next(k for k, v in self.stages.items() if VersionStage in v)
        if vid not in self.values or VersionStage not in self.stages.get(vid, []):
            raise ResourceNotFoundException()
        return {"SecretString": self.values[vid]}
    def get_random_password(self, PasswordLength, ExcludeCharacters, RequireEachIncludedType):
        self.calls.append(("random", PasswordLength, ExcludeCharacters))
        return {"RandomPassword": "n" * PasswordLength}
    def put_secret_value(self, SecretId, ClientRequestToken, SecretString, VersionStages):
        self.calls.append(("put", ClientRequestToken))
        self.values[ClientRequestToken] = SecretString
    def update_secret_version_stage(self, SecretId, VersionStage, MoveToVersionId, RemoveFromVersionId):
        self.stages[RemoveFromVersionId].remove(VersionStage)
        self.stages[MoveToVersionId] = [VersionStage]
SM = FakeSecretsManager()
def client(name):
    assert name == "secretsmanager"
    return SM
`;

const DRIVER = `
import json, os, sys
os.environ["PASSWORD_LENGTH"] = "40"
os.environ["EXCLUDE_CHARACTERS"] = "'"
import boto3, index
event = {"SecretId": "arn:secret", "ClientRequestToken": "v2"}
for step in ["createSecret", "createSecret", "setSecret", "testSecret", "finishSecret"]:
    index.handler(dict(event, Step=step), None)
try:
    index.handler(dict(event, Step="finishSecret"), None)
except Exception as e:
    print("unexpected", e); sys.exit(1)
print(json.dumps({"values": boto3.SM.values, "stages": boto3.SM.stages, "calls": boto3.SM.calls}))
`;

function python(): string | undefined {
  for (const bin of ['python3', 'python']) {
    try {
      execFileSync(bin, ['--version'], { stdio: 'ignore' });
      return bin;
    } catch {
      // try the next name
    }
  }
  return undefined;
}

const bin = python();
const run = bin ? test : test.skip;
if (!bin) console.warn('python3 not installed: the rotation code test is skipped');

run('the four rotation steps stage a new value, idempotently, and move AWSCURRENT to it', () => {
  const { dir, remove } = tempDir('rotation');
  try {
    fs.writeFileSync(path.join(dir, 'index.py'), ROTATION_CODE);
    fs.writeFileSync(path.join(dir, 'boto3.py'), FAKE_BOTO3);
    fs.writeFileSync(path.join(dir, 'driver.py'), DRIVER);
    const out = JSON.parse(execFileSync(bin!, ['driver.py'], { cwd: dir, encoding: 'utf8' }));
    expect(out.stages).toEqual({ v1: [], v2: ['AWSCURRENT'] });
    expect(out.values.v2).toBe('n'.repeat(40));
    expect(out.values.v1).toBe('old-value');
    // The retried createSecret found the pending version and generated nothing twice.
    expect(out.calls).toEqual([
      ['random', 40, "'"],
      ['put', 'v2'],
    ]);
  } finally {
    remove();
  }
});
