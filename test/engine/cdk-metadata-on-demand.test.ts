import * as fs from 'fs';
import * as path from 'path';
import { InputError, loadPaths } from '../../policies/engine';
import type { Document, Resource } from '../../policies/engine';
import { ACK_REASON, synthCdkApp } from '../support/synth-cdk';
import { tempDir } from '../support/temp-dir';

/**
 * The stack metadata file is parsed only when needed: at once when its bytes may hold a ZeroTrust
 * acknowledgement, else when a template lacks aws:cdk:path and construct paths are looked up.
 * A damaged file shows which of the two happened: parsed means an input error naming it.
 */

const tmp = tempDir('cdk-metadata');
const outdir = path.join(tmp.dir, 'cdk.out');
beforeAll(() => synthCdkApp(outdir));
afterAll(() => tmp.remove());

const metadataFile = (dir: string) => path.join(dir, 'Data.metadata.json');
const templateFile = (dir: string) => path.join(dir, 'Data.template.json');
const resources = (docs: Document[]): Resource[] => docs.flatMap((d) => d.resources);
const withPath = (docs: Document[], p: string) => resources(docs).find((r) => r.source.constructPath === p);

/** A copy of the assembly whose Data metadata file is `text(original text)`. */
function copyWithMetadata(name: string, text: (original: string) => string): string {
  const copy = path.join(tmp.dir, name);
  fs.cpSync(outdir, copy, { recursive: true });
  fs.writeFileSync(metadataFile(copy), text(fs.readFileSync(metadataFile(outdir), 'utf8')));
  return copy;
}

/** The Data metadata without its ZeroTrust acknowledgement, and cut short (not JSON any more). */
function withoutOursAndDamaged(original: string): string {
  const metadata = JSON.parse(original) as Record<string, { type: string; data: unknown }[]>;
  for (const [key, entries] of Object.entries(metadata)) {
    metadata[key] = entries.filter((e) => !JSON.stringify(e.data ?? '').includes('ZeroTrust::'));
  }
  const text = JSON.stringify(metadata);
  return text.slice(0, text.length - 10);
}

describe('stack metadata read on demand', () => {
  test('templates with aws:cdk:path and no ZeroTrust acknowledgement: the metadata file is not parsed', () => {
    const copy = copyWithMetadata('not-parsed', withoutOursAndDamaged);
    const docs = loadPaths([copy]);
    expect(withPath(docs, 'Data/Logs/Resource')?.waivers).toEqual([]);
    expect(withPath(docs, 'Data/Raw/Resource')?.type).toBe('AWS::S3::Bucket');
  });

  test('a template without aws:cdk:path makes the construct paths be read: the damaged file is an error', () => {
    const copy = copyWithMetadata('paths-needed', withoutOursAndDamaged);
    const template = JSON.parse(fs.readFileSync(templateFile(copy), 'utf8'));
    for (const r of Object.values<{ Metadata?: Record<string, unknown> }>(template.Resources)) {
      delete r.Metadata?.['aws:cdk:path'];
    }
    fs.writeFileSync(templateFile(copy), JSON.stringify(template));
    expect(() => loadPaths([copy])).toThrow(InputError);
    expect(() => loadPaths([copy])).toThrow(/Data\.metadata\.json(:\d+)?: malformed JSON/);
  });

  test('construct paths come from the metadata file when the template has none', () => {
    const copy = copyWithMetadata('paths-read', (t) => t);
    const template = JSON.parse(fs.readFileSync(templateFile(copy), 'utf8'));
    for (const r of Object.values<{ Metadata?: Record<string, unknown> }>(template.Resources)) {
      delete r.Metadata?.['aws:cdk:path'];
    }
    fs.writeFileSync(templateFile(copy), JSON.stringify(template));
    const docs = loadPaths([copy]);
    expect(withPath(docs, 'Data/Logs/Resource')?.waivers.map((w) => w.ruleId)).toEqual(['ZT-DATA-006']);
  });

  test('an acknowledgement spelled with a \\u escape is still found, so the file is parsed', () => {
    const copy = copyWithMetadata('escaped', (t) => t.replace(/"ZeroTrust::/g, '"\\u005aeroTrust::'));
    expect(fs.readFileSync(metadataFile(copy), 'utf8')).not.toContain('ZeroTrust::');
    const docs = loadPaths([copy]);
    expect(withPath(docs, 'Data/Logs/Resource')?.waivers).toEqual([
      { ruleId: 'ZT-DATA-006', reason: ACK_REASON, origin: 'cdk-acknowledgement' },
    ]);
  });

  test('a ZeroTrust acknowledgement in a damaged file is an error at load, whatever the templates hold', () => {
    const copy = copyWithMetadata('ours-damaged', (t) => t.slice(0, t.length - 10));
    expect(() => loadPaths([copy])).toThrow(/Data\.metadata\.json(:\d+)?: malformed JSON/);
  });
});
