import type { Readable } from 'node:stream';
import { ZipArchive } from 'archiver';
import type { FileStore, StagedFile } from '../../../core/module-kit.ts';

/**
 * A `.zip` written entry by entry straight into the file store's staging area, as XlsxStream
 * writes workbooks. Entries are stored, not deflated (photos are compressed already), and added
 * one at a time: each waits until the previous one is in the zip, so however many photos an
 * export holds, one stored file is open at a time.
 */
export class ZipStream {
  private readonly archive = new ZipArchive({ store: true });
  private readonly staged: Promise<StagedFile>;
  private failure: Error | null = null;

  constructor(private readonly store: FileStore) {
    this.archive.on('error', (error) => {
      this.failure = error;
    });
    this.staged = store.stage(this.archive);
    // Settled here so a failure before finish() is not an unhandled rejection; finish() rethrows it.
    this.staged.catch(() => undefined);
  }

  /** Adds one entry and resolves once archiver has written it. */
  async add(name: string, content: Readable, date: Date): Promise<void> {
    if (this.failure) throw this.failure;
    await new Promise<void>((resolve, reject) => {
      const done = () => {
        this.archive.off('error', failed);
        resolve();
      };
      const failed = (error: Error) => {
        this.archive.off('entry', done);
        reject(error);
      };
      this.archive.once('entry', done);
      this.archive.once('error', failed);
      this.archive.append(content, { name, date });
    });
  }

  /** Writes the zip's directory and waits until the file is staged (hashed and measured). */
  async finish(): Promise<StagedFile> {
    await this.archive.finalize();
    return this.staged;
  }

  /** Drops what was written so far (a failed export leaves no file behind). */
  async abort(): Promise<void> {
    this.archive.abort();
    this.archive.destroy();
    const staged = await this.staged.catch(() => null);
    if (staged) await this.store.discard(staged);
  }
}
