import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import path from 'node:path';

/**
 * Writes `data` to `target` so that readers see either the old file or the complete new one, never a partial
 * write: temp file in the same folder (`.name.tmp-<random>`), fsync, then rename over the target.
 * Parent folders are created; the temp file is removed if anything fails.
 */
export async function writeFileAtomic(target: string, data: string | Uint8Array): Promise<void> {
  const absolute = path.resolve(target);
  const directory = path.dirname(absolute);
  await mkdir(directory, { recursive: true });
  const temp = path.join(directory, `.${path.basename(absolute)}.tmp-${randomBytes(6).toString('hex')}`);
  let handle: Awaited<ReturnType<typeof open>> | undefined;
  try {
    handle = await open(temp, 'wx');
    await handle.writeFile(data);
    await handle.sync();
    await handle.close();
    handle = undefined;
    await rename(temp, absolute);
  } catch (error) {
    await handle?.close().catch(() => undefined);
    await rm(temp, { force: true }).catch(() => undefined);
    throw error;
  }
  await syncDirectory(directory);
}

/** Makes the rename itself durable where the platform allows it (not on Windows). */
async function syncDirectory(directory: string): Promise<void> {
  if (process.platform === 'win32') return;
  try {
    const handle = await open(directory, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Best effort: some file systems refuse fsync on folders.
  }
}
