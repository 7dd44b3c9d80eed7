import { generateKeyPairSync } from 'crypto';
import { mkdirSync, writeFileSync } from 'fs';
import { join } from 'path';
import { runModelCli } from '../../lib/model-signing/cli';
import { tempDir } from '../support/temp-dir';

/** zt-model sign | verify: exit 0 / 1 / 2, one-line errors for bad input, no stack traces. */
const tmp = tempDir('zt-model');
afterAll(tmp.remove);
const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const PRIV = join(tmp.dir, 'signing.pem');
const PUB = join(tmp.dir, 'signing.pub.pem');
writeFileSync(PRIV, privateKey.export({ type: 'pkcs8', format: 'pem' }));
writeFileSync(PUB, publicKey.export({ type: 'spki', format: 'pem' }));
const MODEL = join(tmp.dir, 'model');
mkdirSync(MODEL);
writeFileSync(join(MODEL, 'weights.bin'), 'weights');

async function cli(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await runModelCli(argv, { stdout: (t) => (out += t), stderr: (t) => (err += t) });
  return { code, out, err };
}

test('sign writes model.sig into the model folder; verify passes', async () => {
  expect(await cli('sign', '--key', PRIV, MODEL)).toMatchObject({ code: 0, out: expect.stringContaining('model.sig') });
  expect(await cli('verify', '--public-key', PUB, MODEL)).toMatchObject({
    code: 0,
    out: 'VERIFIED model: 1 file(s) match the signature\n',
  });
});

test('a tampered model exits 1 and lists the problem', async () => {
  await cli('sign', '--key', PRIV, MODEL);
  writeFileSync(join(MODEL, 'extra.bin'), 'x');
  const r = await cli('verify', '--public-key', PUB, MODEL);
  expect(r.code).toBe(1);
  expect(r.out).toContain('extra file not covered by the signature: extra.bin');
});

test.each([
  [['sign', MODEL], /exactly one of --key/],
  [['verify', MODEL], /needs --public-key/],
  [['verify', '--public-key', join(tmp.dir, 'nope.pem'), MODEL], /--public-key .*nope.pem is not a readable file/],
  [['verify', '--public-key', PRIV.replace('signing.pem', 'model/weights.bin'), MODEL], /not a PEM public key/],
  [['sign', '--key', PRIV, join(tmp.dir, 'missing')], /MODEL_PATH .*missing does not exist/],
  [['sign', '--bogus', MODEL], /Unknown option '--bogus'/],
  [['publish', MODEL], /unknown command publish/],
  [['verify', '--public-key', PUB, '--signature', PUB, MODEL], /not a Sigstore bundle|is not JSON/],
])('bad input %j exits 2 with a message', async (argv, message) => {
  const r = await cli(...argv);
  expect(r.code).toBe(2);
  expect(r.err).toMatch(message);
  expect(r.err).not.toMatch(/\n\s+at /);
});
