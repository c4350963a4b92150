import path from 'node:path';
import { loadConfig } from '../config.ts';
import { restoreBackup } from './backup-archive.ts';

/** `npm run restore -- <archive.tar.gz>`: into DATA_DIR, which must be empty (stop the server first). */
const archive = process.argv[2];
if (!archive) {
  console.error('Usage: npm run restore -- <archive.tar.gz>   (into DATA_DIR, which must be empty)');
  process.exit(2);
}
const config = loadConfig();
try {
  const manifest = await restoreBackup(path.resolve(archive), config.dataDir);
  console.log(
    `Restored the backup of ${manifest.createdAt} (${manifest.fileCount} files) into ${config.dataDir}. Start the server: npm start`,
  );
} catch (error) {
  console.error(`Restore failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
