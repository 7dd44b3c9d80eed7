import { existsSync, readFileSync, statSync, writeFileSync } from 'fs';
import { dirname, join } from 'path';
import { parseArgs } from 'util';
import { BundleError } from './bundle';
import { AwsKmsSigner, AzureKeyVaultSigner, awsKmsClient, azureKeyVaultClient } from './cloud-signers';
import { ModelPathError } from './files';
import { KeyError, LocalKeySigner, type ModelSigner } from './keys';
import { signModel } from './sign';
import { StatementError } from './statement';
import { verifyModel } from './verify';

export interface ModelCliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
}

const USAGE = `usage:
  zt-model sign   (--key PRIVATE.pem | --aws-kms-key KEY_ID [--region R] | --azure-key KEY_URL)
                  [--signature FILE] [--ignore-paths a,b] [--allow-symlinks] MODEL_PATH
  zt-model verify --public-key PUBLIC.pem [--signature FILE] [--ignore-paths a,b] MODEL_PATH
Signatures use the OpenSSF Model Signing format (in-toto statement in a DSSE envelope, Sigstore bundle).
Exit codes: 0 signed / verified, 1 verification failed, 2 bad input.`;

/** Bad input: reported as one line, exit 2, never a stack trace. */
class UsageError extends Error {}

const OPTIONS = {
  key: { type: 'string' },
  'aws-kms-key': { type: 'string' },
  region: { type: 'string' },
  'azure-key': { type: 'string' },
  'public-key': { type: 'string' },
  signature: { type: 'string' },
  'ignore-paths': { type: 'string' },
  'allow-symlinks': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

function readFile(path: string, what: string): string {
  if (!existsSync(path) || !statSync(path).isFile()) throw new UsageError(`${what} ${path} is not a readable file`);
  return readFileSync(path, 'utf8');
}

function signerFrom(v: Record<string, string | boolean | undefined>): ModelSigner {
  const chosen = (['key', 'aws-kms-key', 'azure-key'] as const).filter((k) => v[k] !== undefined);
  if (chosen.length !== 1) throw new UsageError('sign needs exactly one of --key, --aws-kms-key, --azure-key');
  if (v.key !== undefined) return new LocalKeySigner(readFile(String(v.key), '--key'));
  if (v['aws-kms-key'] !== undefined)
    return new AwsKmsSigner(String(v['aws-kms-key']), awsKmsClient(v.region as string | undefined));
  return new AzureKeyVaultSigner(azureKeyVaultClient(String(v['azure-key'])));
}

// A model folder keeps its signature inside (model.sig); a single-file model keeps it next to the file.
function signaturePath(model: string, given: unknown): string {
  if (typeof given === 'string') return given;
  return existsSync(model) && statSync(model).isDirectory()
    ? join(model, 'model.sig')
    : join(dirname(model), 'model.sig');
}

export async function runModelCli(argv: readonly string[], io: ModelCliIo): Promise<number> {
  try {
    const [command, ...rest] = argv;
    if (command === undefined || command === '--help' || command === '-h') {
      io.stdout(`${USAGE}\n`);
      return command === undefined ? 2 : 0;
    }
    if (command !== 'sign' && command !== 'verify') throw new UsageError(`unknown command ${command}`);
    let parsed;
    try {
      parsed = parseArgs({ args: [...rest], options: OPTIONS, allowPositionals: true, strict: true });
    } catch (e) {
      throw new UsageError((e as Error).message);
    }
    const { values, positionals } = parsed;
    if (values.help) {
      io.stdout(`${USAGE}\n`);
      return 0;
    }
    if (positionals.length !== 1) throw new UsageError(`${command} takes one MODEL_PATH`);
    const model = positionals[0];
    if (!existsSync(model)) throw new UsageError(`MODEL_PATH ${model} does not exist`);
    const ignorePaths = values['ignore-paths']?.split(',').filter((p) => p !== '') ?? [];
    const sigPath = signaturePath(model, values.signature);
    if (command === 'sign') {
      const bundle = await signModel(model, signerFrom(values), {
        ignorePaths,
        allowSymlinks: values['allow-symlinks'] === true,
        signatureName: values.signature === undefined ? 'model.sig' : undefined,
      });
      writeFileSync(sigPath, `${JSON.stringify(bundle)}\n`);
      io.stdout(`signed ${model} -> ${sigPath}\n`);
      return 0;
    }
    if (values['public-key'] === undefined) throw new UsageError('verify needs --public-key PUBLIC.pem');
    const result = await verifyModel(
      model,
      readFile(sigPath, 'signature'),
      readFile(values['public-key'], '--public-key'),
      { ignorePaths },
    );
    if (result.ok) {
      io.stdout(`VERIFIED ${result.modelName}: ${result.files} file(s) match the signature\n`);
      return 0;
    }
    io.stdout(`FAILED ${model}\n${result.problems.map((p) => `  - ${p}\n`).join('')}`);
    return 1;
  } catch (e) {
    const known = [UsageError, KeyError, BundleError, StatementError, ModelPathError].some((t) => e instanceof t);
    io.stderr(`zt-model: ${known ? (e as Error).message : `internal error: ${(e as Error).message}`}\n`);
    if (e instanceof UsageError) io.stderr(`${USAGE}\n`);
    return known ? 2 : 3;
  }
}
