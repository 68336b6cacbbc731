import { readFile } from 'node:fs/promises';
import { VFile } from 'vfile';

export { parseSession, type ParseOptions } from './parse-session.js';
export {
  loadOrganisation,
  clearOrganisationCache,
  type LoadedOrganisation,
  type OrganisationLoader,
} from './organisation.js';

/** A VFile for a session file, its value read as bytes (decoded and checked by parseSession). */
export async function createSessionFile(path: string): Promise<VFile> {
  const bytes = await readFile(path);
  return new VFile({ path, value: new Uint8Array(bytes) });
}
