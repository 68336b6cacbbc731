/**
 * The one place where errors become what the user reads and the exit code (documented in src/cli/usage.ts): the stages
 * below throw typed errors (src/util/errors.ts) and never write to stderr.
 */
import { ConfigurationError, OutputFolderError, UsageError } from '../util/errors.js';
import { usage } from './usage.js';

interface ErrorExit {
  type: new (...args: never[]) => Error;
  code: number;
  text: (error: Error) => string;
}

/** In order: the first matching row says what is printed on stderr and the exit code. */
const table: ErrorExit[] = [
  { type: UsageError, code: 2, text: (error) => `minutier : ${error.message}\n\n${usage}` },
  { type: ConfigurationError, code: 2, text: (error) => `minutier : ${error.message}\n\n${usage}` },
  // After the check report: nothing could be written.
  { type: OutputFolderError, code: 2, text: (error) => `✗ ${error.message} Aucun document produit.\n` },
];

/** Writes what the error says and resolves to its exit code (2 for an internal error). */
export function exitOnError(error: unknown, write: (text: string) => void): number {
  const row = table.find((r) => error instanceof r.type);
  if (row) {
    write(row.text(error as Error));
    return row.code;
  }
  const text = error instanceof Error ? error.message : String(error);
  write(`minutier : incident interne : ${text}\n`);
  if (process.env.MINUTIER_DEBUG && error instanceof Error) write(`${error.stack}\n`);
  return 2;
}
