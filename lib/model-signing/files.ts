import { createHash } from 'crypto';
import { createReadStream, lstatSync, readdirSync, realpathSync } from 'fs';
import { join, relative, sep } from 'path';

/** One model file and its SHA-256, named by its POSIX path relative to the model directory. */
export interface FileDigest {
  readonly name: string;
  readonly sha256: string;
}

/** Paths the OpenSSF model-signing `files` serialization leaves out by default (plus the signature itself). */
export const DEFAULT_IGNORES: readonly string[] = ['.git', '.gitattributes', '.github', '.gitignore'];

export interface WalkOptions {
  /** Relative POSIX paths (files or folders) left out of the manifest. */
  readonly ignorePaths?: readonly string[];
  /** Follow symbolic links inside the model (off by default, as in model_signing v1). */
  readonly allowSymlinks?: boolean;
}

export class ModelPathError extends Error {}

const posix = (p: string) => p.split(sep).join('/');

function ignored(name: string, ignores: ReadonlySet<string>): boolean {
  if (ignores.has(name)) return true;
  // A folder ignores everything under it.
  for (let i = name.indexOf('/'); i !== -1; i = name.indexOf('/', i + 1))
    if (ignores.has(name.slice(0, i))) return true;
  return false;
}

/** Every regular file of the model, sorted by name (the order the manifest's root digest is taken in). */
export function listModelFiles(root: string, options: WalkOptions = {}): string[] {
  const ignores = new Set((options.ignorePaths ?? []).map((p) => posix(p).replace(/^\.\//, '').replace(/\/$/, '')));
  const rootStat = lstatSync(root, { throwIfNoEntry: false });
  if (!rootStat) throw new ModelPathError(`model path ${root} does not exist`);
  if (rootStat.isFile()) return [root];
  if (!rootStat.isDirectory()) throw new ModelPathError(`model path ${root} is neither a file nor a directory`);
  const out: string[] = [];
  const seen = new Set<string>([realpathSync(root)]);
  const stack = [root];
  while (stack.length > 0) {
    const dir = stack.pop()!;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const abs = join(dir, entry.name);
      const name = posix(relative(root, abs));
      if (ignored(name, ignores)) continue;
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        if (!options.allowSymlinks)
          throw new ModelPathError(`${name} is a symbolic link; pass allowSymlinks to follow it`);
        const real = realpathSync(abs);
        const st = lstatSync(real);
        isDir = st.isDirectory();
        isFile = st.isFile();
        if (isDir && seen.has(real)) throw new ModelPathError(`${name} links back into the model (a loop)`);
        if (isDir) seen.add(real);
      }
      if (isDir) stack.push(abs);
      else if (isFile) out.push(abs);
      else throw new ModelPathError(`${name} is not a regular file`);
    }
  }
  return out.sort((a, b) => cmp(posix(relative(root, a)), posix(relative(root, b))));
}

// Byte order on the POSIX names, so every platform agrees on the manifest order.
const cmp = (a: string, b: string) => Buffer.compare(Buffer.from(a), Buffer.from(b));

async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** SHA-256 of every model file (streamed: model weights are gigabytes). */
export async function digestModel(root: string, options: WalkOptions = {}): Promise<FileDigest[]> {
  const files = listModelFiles(root, options);
  const single = files.length === 1 && files[0] === root;
  const out: FileDigest[] = [];
  for (const f of files) {
    // A single-file model is named "." in the manifest, as model_signing does.
    const name = single ? '.' : posix(relative(root, f));
    out.push({ name, sha256: await sha256File(f) });
  }
  return out;
}
