import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Where uploaded files live. Content-addressed: the key is the SHA-256 of the bytes, so the same
 * file uploaded twice is stored once and a key always means the same bytes. Rows in the database
 * refer to keys; files are never changed in place.
 */
export interface FileStore {
  put(bytes: Uint8Array): Promise<{ key: string; sha256: string }>;
  get(key: string): Promise<Buffer>;
  /** Removes a file (personal data past their retention); a missing file is not an error. */
  delete(key: string): Promise<void>;
}

/** Files on local disk under a directory (by default `<data dir>/files`), fanned out by hash prefix. */
export class DiskFileStore implements FileStore {
  readonly #root: string;
  constructor(root: string) {
    this.#root = root;
  }

  #path(key: string): string {
    if (!/^[0-9a-f]{64}$/u.test(key)) {
      throw new Error(`invalid file key ${key}`);
    }
    return join(this.#root, key.slice(0, 2), key);
  }

  async put(bytes: Uint8Array): Promise<{ key: string; sha256: string }> {
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const path = this.#path(sha256);
    const exists = await stat(path).then(
      () => true,
      () => false,
    );
    if (!exists) {
      await mkdir(join(this.#root, sha256.slice(0, 2)), { recursive: true });
      const temporary = `${path}.${process.pid}.tmp`;
      await writeFile(temporary, bytes, { mode: 0o640 });
      await rename(temporary, path);
    }
    return { key: sha256, sha256 };
  }

  async get(key: string): Promise<Buffer> {
    return readFile(this.#path(key));
  }

  async delete(key: string): Promise<void> {
    await rm(this.#path(key), { force: true });
  }
}
