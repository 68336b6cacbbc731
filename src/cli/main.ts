/**
 * The `minutier` command line. Kept thin: it reads the arguments, then hands over to `check` or `build`.
 * Heavy modules are loaded only by the command that needs them (`check` never loads Puppeteer).
 */
import { parseArgs } from 'node:util';
import { readFileSync } from 'node:fs';
import { documentKinds, type BuildOptions, type CommonOptions } from '../pipeline/options.js';
import { parseConcurrency, type Concurrency } from '../pipeline/concurrency.js';
import { parseShard } from '../pipeline/shard.js';
import { UsageError } from '../util/errors.js';
import { exitOnError } from './exit-codes.js';
import { usage } from './usage.js';

const options = {
  format: { type: 'string' },
  quiet: { type: 'boolean' },
  'max-warnings': { type: 'string' },
  'changed-since': { type: 'string' },
  shard: { type: 'string' },
  fix: { type: 'boolean' },
  concurrency: { type: 'string' },
  out: { type: 'string' },
  documents: { type: 'string' },
  strict: { type: 'boolean' },
  force: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

function parse(argv: string[]) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    const option = /'(-[^']+)'/.exec(text)?.[1];
    throw new UsageError(option ? `Option inconnue ou incomplète : ${option}` : `Arguments incorrects : ${text}`);
  }
}

function commonOptions(values: ReturnType<typeof parse>['values'], paths: string[]): CommonOptions {
  const common: CommonOptions = { paths, format: values.format ?? 'stylish', quiet: values.quiet ?? false };
  if (values['max-warnings'] !== undefined) {
    const max = Number(values['max-warnings']);
    if (!Number.isInteger(max) || max < 0) throw new UsageError('--max-warnings attend un entier positif ou nul.');
    common.maxWarnings = max;
  }
  if (values['changed-since'] !== undefined) common.changedSince = values['changed-since'];
  if (values.shard !== undefined) {
    const shard = parseShard(values.shard);
    if (typeof shard === 'string') throw new UsageError(shard);
    common.shard = shard;
  }
  return common;
}

/** `--concurrency` of `check`: `auto` when not given (several threads only for many sessions). */
function concurrencyOption(text: string | undefined): Concurrency {
  if (text === undefined) return 'auto';
  const concurrency = parseConcurrency(text);
  if (typeof concurrency === 'object') throw new UsageError(concurrency.error);
  return concurrency;
}

function buildOptions(values: ReturnType<typeof parse>['values'], paths: string[]): BuildOptions {
  const documents = (values.documents ?? documentKinds.join(','))
    .split(',')
    .map((d) => d.trim())
    .filter(Boolean);
  for (const d of documents) {
    if (!(documentKinds as readonly string[]).includes(d)) {
      throw new UsageError(`--documents : « ${d} » inconnu ; choisissez parmi ${documentKinds.join(', ')}.`);
    }
  }
  return {
    ...commonOptions(values, paths),
    out: values.out ?? 'output',
    documents: documents as BuildOptions['documents'],
    strict: values.strict ?? false,
    force: values.force ?? false,
  };
}

/** Runs the CLI and resolves to its exit code; never throws. */
export async function run(argv: string[]): Promise<number> {
  try {
    // The authors' commands (init, new, preview) have their own options and help: src/authoring/cli.ts.
    if (argv[0] === 'init' || argv[0] === 'new' || argv[0] === 'preview') {
      const { authoringCommand } = await import('../authoring/cli.js');
      return await authoringCommand(argv[0], argv.slice(1));
    }
    const { values, positionals } = parse(argv);
    if (values.version) {
      process.stdout.write(`${version()}\n`);
      return 0;
    }
    const [command, ...paths] = positionals;
    if (values.help || command === undefined || command === 'help') {
      process.stdout.write(usage);
      return command === undefined && !values.help ? 2 : 0;
    }
    if (command === 'check') {
      const { checkCommand } = await import('./check-command.js');
      return await checkCommand({
        ...commonOptions(values, paths),
        ...(values.fix ? { fix: true } : {}),
        concurrency: concurrencyOption(values.concurrency),
      });
    }
    if (values.fix) throw new UsageError('--fix ne s’emploie qu’avec check.');
    if (values.concurrency !== undefined) throw new UsageError('--concurrency ne s’emploie qu’avec check.');
    if (command === 'build') {
      const { buildCommand } = await import('./build-command.js');
      return await buildCommand(buildOptions(values, paths));
    }
    if (command === 'export') {
      const { exportCommand } = await import('./export-command.js');
      return await exportCommand({ ...commonOptions(values, paths), format: 'json' }, values.format);
    }
    throw new UsageError(`Commande inconnue : « ${command} ». Commandes : init, new, preview, check, build, export.`);
  } catch (error) {
    return exitOnError(error, (text) => process.stderr.write(text));
  }
}
