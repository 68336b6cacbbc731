/**
 * The project's rule settings: `minutier.config.json` or `.minutierrc.json` at the project root,
 * `{ "rules": { "<rule-id>": "off" | "warn" | "error" | "info" } }`.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { closest } from 'fastest-levenshtein';
import { z } from 'zod';
import type { Config } from './engine.js';

export type { Config } from './engine.js';

export const CONFIG_FILES = ['minutier.config.json', '.minutierrc.json'] as const;

const settingSchema = z.enum(['off', 'warn', 'error', 'info']);
const configSchema = z.strictObject({ rules: z.record(z.string(), settingSchema).default({}) });

/** A configuration problem, in French, ready to print. */
export class ConfigError extends Error {
  constructor(
    message: string,
    readonly file: string,
  ) {
    super(message);
    this.name = 'ConfigError';
  }
}

/**
 * Reads the first configuration file found in `cwd`; no file means no settings. `knownRuleIds` lets an unknown id be
 * reported with the nearest known one (by default, every rule minutier has).
 */
export async function loadConfig(cwd: string, knownRuleIds?: readonly string[]): Promise<Config & { file?: string }> {
  for (const name of CONFIG_FILES) {
    const file = path.join(cwd, name);
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue;
      throw new ConfigError(`Impossible de lire ${name} : ${(error as Error).message}`, name);
    }
    const ids = knownRuleIds ?? (await import('./rules/index.js')).allRules.map((rule) => rule.meta.id);
    return { ...parseConfig(text, name, ids), file: name };
  }
  return { rules: {} };
}

export function parseConfig(text: string, name: string, knownRuleIds: readonly string[]): Config {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/u, ''));
  } catch (error) {
    throw new ConfigError(`${name} n’est pas du JSON valide : ${(error as Error).message}`, name);
  }
  const parsed = configSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.path.length ? ` (à « ${issue.path.join('.')} »)` : '';
    const hint =
      issue.code === 'invalid_value'
        ? 'les réglages possibles sont "off", "warn", "error" et "info"'
        : issue.code === 'unrecognized_keys'
          ? `seule la clé "rules" est reconnue`
          : 'la forme attendue est { "rules": { "<règle>": "off" | "warn" | "error" | "info" } }';
    throw new ConfigError(`${name} : réglage invalide${where} : ${hint}.`, name);
  }
  for (const id of Object.keys(parsed.data.rules)) {
    if (knownRuleIds.includes(id)) continue;
    const nearest = knownRuleIds.length ? closest(id, [...knownRuleIds]) : undefined;
    throw new ConfigError(
      `${name} : la règle « ${id} » n’existe pas${nearest ? ` ; vouliez-vous dire « ${nearest} » ?` : '.'}`,
      name,
    );
  }
  return { rules: parsed.data.rules };
}
