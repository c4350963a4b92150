import fs from 'node:fs';
import path from 'node:path';
import lockfile from 'proper-lockfile';

/** The holder refreshes the lock this often; a lock untouched for STALE_MS belongs to a dead process. */
const UPDATE_MS = 2_500;
const STALE_MS = 10_000;

/** Another live process (a server, a CLI) has the embedded database of this DATA_DIR open. */
export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly ownerPid: number | null,
  ) {
    super(
      `DATA_DIR ${dataDir} is in use by another process${ownerPid ? ` (pid ${ownerPid})` : ''}: the embedded database ` +
        'takes one process at a time. Stop the running server first (or point DATA_DIR elsewhere); nothing was changed.',
    );
    this.name = 'DataDirLockedError';
  }
}

/**
 * Takes DATA_DIR for this process alone (a lock directory `<DATA_DIR>/lock`, refreshed every
 * few seconds, and our pid in `<DATA_DIR>/lock.owner`). Two PGlite instances on one data
 * directory corrupt it, so a second server or CLI must stop before opening anything.
 * A lock left by a crash (kill -9) does not block for long: when its owner's pid is gone we wait
 * until the lock goes stale (at most STALE_MS) and take it; a live owner gets an answer at once.
 * Returns the release function.
 */
export async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  fs.mkdirSync(dataDir, { recursive: true });
  const ownerFile = path.join(dataDir, 'lock.owner');
  const deadline = Date.now() + STALE_MS + 2 * UPDATE_MS;
  for (;;) {
    try {
      const release = await lockfile.lock(dataDir, {
        lockfilePath: path.join(dataDir, 'lock'),
        realpath: false,
        stale: STALE_MS,
        update: UPDATE_MS,
        onCompromised: (error) => {
          // Someone removed or took our lock: stop before two processes write one database.
          throw new Error(`Lost the lock on DATA_DIR ${dataDir} (${error.message}); stopping to protect the embedded database`);
        },
      });
      fs.writeFileSync(ownerFile, `${process.pid}\n`);
      return async () => {
        fs.rmSync(ownerFile, { force: true });
        await release();
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ELOCKED') throw error;
      const owner = readOwner(ownerFile);
      const ownerAlive = owner !== null && owner !== process.pid && isAlive(owner);
      if (ownerAlive || Date.now() > deadline) throw new DataDirLockedError(dataDir, owner);
      // The owner died (or is just writing its pid): wait for the lock to go stale.
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
}

/** For entry points (`npm start`, the CLIs): a locked DATA_DIR ends the process with its message. */
export function exitIfDataDirLocked(error: unknown): never {
  if (error instanceof DataDirLockedError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}

function readOwner(file: string): number | null {
  try {
    const pid = Number.parseInt(fs.readFileSync(file, 'utf8'), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
