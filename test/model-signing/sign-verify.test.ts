import { generateKeyPairSync } from 'crypto';
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'fs';
import { join } from 'path';
import { fromBundleJson, LocalKeySigner, signModel, verifyModel } from '../../lib/model-signing';
import { PREDICATE_TYPE, fromStatement, rootDigest } from '../../lib/model-signing/statement';
import { tempDir } from '../support/temp-dir';

/** Sign with a local P-256 key (the curve of the KMS / Key Vault signing keys), verify offline. */
const pair = () => generateKeyPairSync('ec', { namedCurve: 'P-256' });
const pem = (k: ReturnType<typeof pair>) => ({
  priv: k.privateKey.export({ type: 'pkcs8', format: 'pem' }) as string,
  pub: k.publicKey.export({ type: 'spki', format: 'pem' }) as string,
});
const KEY = pem(pair());
const OTHER = pem(pair());
const tmp = tempDir('sign');
afterAll(tmp.remove);

let n = 0;
function model(): string {
  const dir = join(tmp.dir, `model-${n++}`);
  mkdirSync(join(dir, 'weights'), { recursive: true });
  writeFileSync(join(dir, 'config.json'), '{"layers": 2}');
  writeFileSync(join(dir, 'weights', 'part-0.safetensors'), Buffer.alloc(4096, 7));
  writeFileSync(join(dir, 'model-card.md'), '# Model card\nIntended use: ...');
  mkdirSync(join(dir, '.git'));
  writeFileSync(join(dir, '.git', 'HEAD'), 'ref: main');
  return dir;
}

async function signed(): Promise<{ dir: string; bundle: string }> {
  const dir = model();
  const bundle = JSON.stringify(await signModel(dir, new LocalKeySigner(KEY.priv)));
  writeFileSync(join(dir, 'model.sig'), bundle);
  return { dir, bundle };
}

test('the signature is an OpenSSF model-signing statement over every file, sorted, .git left out', async () => {
  const { bundle } = await signed();
  const parsed = JSON.parse(bundle);
  expect(parsed.mediaType).toBe('application/vnd.dev.sigstore.bundle.v0.3+json');
  expect(parsed.verificationMaterial.publicKey.hint).toMatch(/^[0-9a-f]{64}$/);
  const m = fromStatement(fromBundleJson(bundle).payload);
  expect(m.files.map((f) => f.name)).toEqual(['config.json', 'model-card.md', 'weights/part-0.safetensors']);
  expect(JSON.parse(fromBundleJson(bundle).payload.toString()).predicateType).toBe(PREDICATE_TYPE);
  expect(JSON.parse(fromBundleJson(bundle).payload.toString()).subject[0].digest.sha256).toBe(rootDigest(m.files));
});

test('a signed model verifies', async () => {
  const { dir, bundle } = await signed();
  expect(await verifyModel(dir, bundle, KEY.pub)).toMatchObject({ ok: true, files: 3, problems: [] });
});

test('a changed byte fails', async () => {
  const { dir, bundle } = await signed();
  writeFileSync(join(dir, 'weights', 'part-0.safetensors'), Buffer.concat([Buffer.alloc(4095, 7), Buffer.from([8])]));
  const r = await verifyModel(dir, bundle, KEY.pub);
  expect(r.ok).toBe(false);
  expect(r.problems).toEqual([expect.stringMatching(/^changed file: weights\/part-0.safetensors/)]);
});

test('an extra file fails', async () => {
  const { dir, bundle } = await signed();
  writeFileSync(join(dir, 'weights', 'backdoor.pkl'), 'x');
  const r = await verifyModel(dir, bundle, KEY.pub);
  expect(r.problems).toEqual(['extra file not covered by the signature: weights/backdoor.pkl']);
});

test('a missing file fails', async () => {
  const { dir, bundle } = await signed();
  rmSync(join(dir, 'model-card.md'));
  const r = await verifyModel(dir, bundle, KEY.pub);
  expect(r.problems).toEqual(['missing file: model-card.md']);
});

test('a wrong key fails (hint mismatch), and so does a wrong key with the hint removed', async () => {
  const { dir, bundle } = await signed();
  expect((await verifyModel(dir, bundle, OTHER.pub)).problems).toEqual([
    'the signature names a different public key (key hint mismatch)',
  ]);
  const noHint = JSON.parse(bundle);
  delete noHint.verificationMaterial.publicKey.hint;
  expect((await verifyModel(dir, JSON.stringify(noHint), OTHER.pub)).problems).toEqual([
    'the signature does not verify with this public key',
  ]);
});

test('symbolic links are refused unless allowed', async () => {
  const dir = model();
  symlinkSync(join(dir, 'config.json'), join(dir, 'link.json'));
  await expect(signModel(dir, new LocalKeySigner(KEY.priv))).rejects.toThrow(/link.json is a symbolic link/);
});

test('a non-EC private key is refused with a clear error', () => {
  const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' });
  expect(() => new LocalKeySigner(rsa as string)).toThrow(/an EC key is required/);
});
