/**
 * What the authoring commands (init, new, preview) share: their French error, and the questions asked on a terminal
 * through @clack/prompts (never hand-written prompts).
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';

/** A refusal or bad input, said to the user in French (exit code 2, no stack trace). */
export class AuthoringError extends Error {}

export interface Ask {
  text(
    message: string,
    options?: {
      initial?: string;
      placeholder?: string;
      required?: boolean;
      validate?: (value: string) => string | undefined;
    },
  ): Promise<string>;
  select<T extends string>(message: string, choices: Array<{ value: T; label: string }>): Promise<T>;
  confirm(message: string, initial: boolean): Promise<boolean>;
}

/** Questions on the terminal when both ends are one and --yes was not given; undefined otherwise (flags only). */
export async function terminalQuestions(yes: boolean): Promise<Ask | undefined> {
  if (yes || !process.stdin.isTTY || !process.stdout.isTTY) return undefined;
  const prompts = await import('@clack/prompts');
  const answered = <T>(value: T | symbol): Exclude<T, symbol> => {
    if (prompts.isCancel(value)) {
      prompts.cancel('Abandon : rien n’a été écrit.');
      throw new AuthoringError('abandon demandé.');
    }
    return value as Exclude<T, symbol>;
  };
  return {
    async text(message, options = {}) {
      return answered(
        await prompts.text({
          message,
          ...(options.initial !== undefined ? { initialValue: options.initial } : {}),
          ...(options.placeholder !== undefined ? { placeholder: options.placeholder } : {}),
          validate: (value: string | undefined) => {
            if (options.required && !value?.trim()) return 'une réponse est nécessaire';
            return options.validate?.(value ?? '');
          },
        }),
      );
    },
    async select(message, choices) {
      return answered<(typeof choices)[number]['value']>(await prompts.select({ message, options: choices as never }));
    },
    async confirm(message, initial) {
      return answered(await prompts.confirm({ message, initialValue: initial, active: 'oui', inactive: 'non' }));
    },
  };
}

/** The session files of a folder (recursively), sorted by name — hence by date for `AAAA-MM-JJ-…` names. */
export async function sessionFiles(dir: string): Promise<string[]> {
  const found: string[] = [];
  const walk = async (folder: string): Promise<void> => {
    let entries;
    try {
      entries = await readdir(folder, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory() && !entry.name.startsWith('.')) await walk(full);
      else if (entry.isFile() && entry.name.endsWith('.md')) found.push(full);
    }
  };
  await walk(dir);
  return found.sort((a, b) => path.basename(a).localeCompare(path.basename(b)) || a.localeCompare(b));
}
