/**
 * The folder hashes of the build's cache keys (src/pipeline/input-hash.ts): a folder whose files' stats did not change
 * is not read again; any change of content is seen, whatever the stats say; a folder that had just changed is not
 * trusted by its stats until it is older than the clock's margin.
 */
import { mkdir, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hashFolder, InputHashes, STAMP_MARGIN_MS } from '../../src/pipeline/input-hash.js';

let folder: string;
/** A clock far enough ahead that every file of the folder is older than the margin. */
const later = () => Date.now() + 10 * STAMP_MARGIN_MS;

beforeEach(async () => {
  folder = await mkdtemp(path.join(os.tmpdir(), 'minutier-input-hash-'));
  await mkdir(path.join(folder, 'partials'));
  await writeFile(path.join(folder, 'pv.hbs'), '<h1>{{title}}</h1>');
  await writeFile(path.join(folder, 'partials', 'heading.hbs'), '<p>{{date}}</p>');
});

afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('folder hashes kept in the build cache', () => {
  it('gives the content hash of the folder, and keeps it with the stats of its files', async () => {
    const inputs = new InputHashes(undefined, later);
    expect(await inputs.folder(folder)).toBe(await hashFolder(folder));
    const stamps = await inputs.stamps();
    expect(stamps[folder]?.hash).toBe(await hashFolder(folder));
  });

  it('takes the hash from the last run when no file of the folder changed (the files are not read)', async () => {
    const inputs = new InputHashes(undefined, later);
    await inputs.folder(folder);
    const { stamp } = (await inputs.stamps())[folder]!;
    // A hash no content gives: found again, it can only come from the last run's cache.
    const previous = { [folder]: { stamp, hash: 'from-the-last-run' } };
    expect(await new InputHashes(previous, later).folder(folder)).toBe('from-the-last-run');
  });

  it('sees a file changed to the same size, even with its modification time put back', async () => {
    const inputs = new InputHashes(undefined, later);
    const before = await inputs.folder(folder);
    const stamps = await inputs.stamps();
    const file = path.join(folder, 'pv.hbs');
    await writeFile(file, '<h2>{{title}}</h2>');
    const old = new Date(Date.now() - 60_000);
    await utimes(file, old, old);
    const after = await new InputHashes(stamps, later).folder(folder);
    expect(after).not.toBe(before);
    expect(after).toBe(await hashFolder(folder));
  });

  it('gives the same hash for a folder whose files were only touched', async () => {
    const inputs = new InputHashes(undefined, later);
    const before = await inputs.folder(folder);
    const stamps = await inputs.stamps();
    const now = new Date();
    await utimes(path.join(folder, 'partials', 'heading.hbs'), now, now);
    expect(await new InputHashes(stamps, later).folder(folder)).toBe(before);
  });

  it('sees a file added to the folder', async () => {
    const inputs = new InputHashes(undefined, later);
    const before = await inputs.folder(folder);
    const stamps = await inputs.stamps();
    await writeFile(path.join(folder, 'extrait.hbs'), '<p></p>');
    expect(await new InputHashes(stamps, later).folder(folder)).not.toBe(before);
  });

  it('keeps no stats for a folder that changed within the margin', async () => {
    const inputs = new InputHashes(undefined, Date.now);
    expect(await inputs.folder(folder)).toBe(await hashFolder(folder));
    expect(await inputs.stamps()).toEqual({});
  });

  it('stamps, when the cache is saved, a folder that had just changed when the build started', async () => {
    let clock = Date.now();
    const inputs = new InputHashes(undefined, () => clock);
    await inputs.folder(folder);
    // The build printed for a while: the folder is older than the margin now.
    clock = later();
    const stamps = await inputs.stamps();
    expect(Object.keys(stamps)).toEqual([folder]);
    expect(stamps[folder]?.hash).toBe(await hashFolder(folder));
  });
});
