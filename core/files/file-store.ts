import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/** An upload written to a temporary place, measured and hashed, not yet stored. */
export interface StagedFile {
  /** Local path of the staged bytes (for sniffing the type). */
  readonly tempPath: string;
  readonly sizeBytes: number;
  /** Hex SHA-256 of the content. */
  readonly sha256: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Where file contents live: `<root>/<tenant id>/<file id>`, with uploads staged in
 * `<root>/.staging` (same filesystem, so storing is an atomic rename). Names come only from
 * server-made ids, never from input. This class is the seam for object storage: `place`,
 * `open` and `remove` are what would talk to a bucket; staging would stay local.
 */
export class FileStore {
  private readonly stagingDir: string;

  constructor(private readonly root: string) {
    this.stagingDir = path.join(root, '.staging');
  }

  static inDataDir(dataDir: string): FileStore {
    return new FileStore(path.join(dataDir, 'files'));
  }

  /** Streams `source` to a staging file while hashing and counting; removes it again on failure. */
  async stage(source: Readable): Promise<StagedFile> {
    await fs.promises.mkdir(this.stagingDir, { recursive: true });
    const tempPath = path.join(this.stagingDir, randomUUID());
    const hash = createHash('sha256');
    let sizeBytes = 0;
    const measure = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        hash.update(chunk);
        sizeBytes += chunk.length;
        callback(null, chunk);
      },
    });
    try {
      await pipeline(source, measure, fs.createWriteStream(tempPath, { flags: 'wx', mode: 0o600 }));
    } catch (error) {
      await fs.promises.rm(tempPath, { force: true });
      throw error;
    }
    return { tempPath, sizeBytes, sha256: hash.digest('hex') };
  }

  /**
   * Removes staged uploads last written more than `olderThanMs` ago: what a crash in the middle of
   * an upload leaves behind. An upload in progress keeps writing, so it is never that old.
   * Returns how many were removed.
   */
  async sweepStaging(olderThanMs: number, now = Date.now()): Promise<number> {
    let names: string[];
    try {
      names = await fs.promises.readdir(this.stagingDir);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 0;
      throw error;
    }
    let removed = 0;
    for (const name of names) {
      const file = path.join(this.stagingDir, name);
      const stat = await fs.promises.lstat(file).catch(() => null);
      if (!stat || now - stat.mtimeMs < olderThanMs) continue;
      await fs.promises.rm(file, { force: true, recursive: true });
      removed += 1;
    }
    return removed;
  }

  /** Drops a staged file (a no-op once it has been placed). */
  async discard(staged: StagedFile): Promise<void> {
    await fs.promises.rm(staged.tempPath, { force: true });
  }

  /** Moves a staged file to its permanent place. */
  async place(staged: StagedFile, tenantId: string, fileId: string): Promise<void> {
    const target = this.pathOf(tenantId, fileId);
    await fs.promises.mkdir(path.dirname(target), { recursive: true });
    await fs.promises.rename(staged.tempPath, target);
  }

  /** The stored content, or null when there is none. */
  async open(tenantId: string, fileId: string): Promise<Readable | null> {
    try {
      const handle = await fs.promises.open(this.pathOf(tenantId, fileId), 'r');
      return handle.createReadStream();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  async remove(tenantId: string, fileId: string): Promise<void> {
    await fs.promises.rm(this.pathOf(tenantId, fileId), { force: true });
  }

  private pathOf(tenantId: string, fileId: string): string {
    // Both are server-made uuids; checked anyway so no caller can ever build a path from input.
    if (!UUID.test(tenantId) || !UUID.test(fileId)) throw new Error('file store paths are built from uuids only');
    return path.join(this.root, tenantId, fileId);
  }
}
