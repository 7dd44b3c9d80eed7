import { cpSync, readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { verifyModel } from '../../lib/model-signing';
import { tempDir } from '../support/temp-dir';

/**
 * Interoperability: signatures written by sigstore/model-transparency's own `model_signing` tool
 * (its published test data, vendored unmodified) verify here, and tampering with them fails.
 */
const DATA = join(__dirname, '..', 'fixtures', 'model-signing', 'model-transparency');
const PUB = readFileSync(join(DATA, 'signing-key-pub.pem'));
const sig = (v: string) => readFileSync(join(DATA, v, 'model.sig'), 'utf8');

describe('signatures made by model_signing verify', () => {
  test.each(['v1.0.1-elliptic-key', 'v1.1.0-elliptic-key'])('%s (a model folder, P-384)', async (v) => {
    const r = await verifyModel(join(DATA, v), sig(v), PUB, { ignorePaths: ['ignore-me'] });
    expect(r).toEqual({ ok: true, modelName: v, files: 2, problems: [] });
  });

  test('v1.0.0-elliptic-key (a single-file model)', async () => {
    const v = 'v1.0.0-elliptic-key';
    const r = await verifyModel(join(DATA, v, 'signme-1'), sig(v), PUB);
    expect(r).toEqual({ ok: true, modelName: 'signme-1', files: 1, problems: [] });
  });
});

describe('tampering with model_signing output fails', () => {
  const tmp = tempDir('interop');
  afterAll(tmp.remove);
  const copy = (name: string) => {
    const dir = join(tmp.dir, name, 'v1.1.0-elliptic-key');
    cpSync(join(DATA, 'v1.1.0-elliptic-key'), dir, { recursive: true });
    return dir;
  };

  test('a changed byte in a model file', async () => {
    const dir = copy('changed');
    writeFileSync(join(dir, 'signme-2'), 'tampered');
    const r = await verifyModel(dir, sig('v1.1.0-elliptic-key'), PUB);
    expect(r.ok).toBe(false);
    expect(r.problems).toEqual([expect.stringMatching(/^changed file: signme-2/)]);
  });

  test('a changed byte in the signed statement', async () => {
    const bundle = JSON.parse(sig('v1.1.0-elliptic-key'));
    const payload = Buffer.from(bundle.dsseEnvelope.payload, 'base64').toString().replace('signme-2', 'signme-3');
    bundle.dsseEnvelope.payload = Buffer.from(payload).toString('base64');
    const r = await verifyModel(join(DATA, 'v1.1.0-elliptic-key'), JSON.stringify(bundle), PUB);
    expect(r).toEqual({ ok: false, files: 0, problems: ['the signature does not verify with this public key'] });
  });
});
