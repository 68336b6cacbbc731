/** Machine-readable report: exactly vfile-reporter-json's format, so tools built for unified read it unchanged. */
import type { VFile } from 'vfile';
import { reporterJson } from 'vfile-reporter-json';

export interface JsonOptions {
  /** `space` of JSON.stringify (0: one line). */
  pretty?: number | string | boolean;
}

export function json(files: VFile[], options: JsonOptions = {}): string {
  return reporterJson(files, { pretty: options.pretty ?? 0 });
}
