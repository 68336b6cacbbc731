import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { checkFlags, cliSubcommands, formatNames } from '../../src/report/index.js';

interface Step {
  name?: string;
  id?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  if?: string;
  'continue-on-error'?: boolean;
}
interface Job {
  if?: string;
  permissions?: Record<string, string>;
  steps: Step[];
}
interface Workflow {
  on: { pull_request: { paths: string[] }; push: { branches: string[] } };
  jobs: Record<string, Job>;
}

const text = readFileSync(new URL('../../.github/workflows/minutes.yml', import.meta.url), 'utf8');
const workflow = parse(text) as Workflow;
const allSteps = Object.values(workflow.jobs).flatMap((job) => job.steps);

/** Every `minutier …` invocation in the run: commands, as argument lists (after `minutier`). */
function minutierInvocations(): string[][] {
  const invocations: string[][] = [];
  for (const step of allSteps) {
    if (!step.run) continue;
    for (const command of step.run.split(/&&|\|\||;|\n|\|(?!\|)|>/)) {
      // A GitHub expression is one word, whatever spaces it holds: `${{ github.base_ref }}` → `${{github.base_ref}}`.
      const words = command
        .replace(/\$\{\{([^}]*)\}\}/g, (_, inner: string) => `\${{${inner.replace(/\s+/g, '')}}}`)
        .trim()
        .split(/\s+/);
      const at = words.indexOf('minutier');
      if (at >= 0) invocations.push(words.slice(at + 1));
    }
  }
  return invocations;
}

const FLAGS_WITH_VALUE = new Set(['--format', '--changed-since', '--max-warnings']);

describe('.github/workflows/minutes.yml', () => {
  it('parses and triggers on the minutes files for pull requests, and on pushes to main', () => {
    expect(workflow.on.pull_request.paths).toEqual(
      expect.arrayContaining(['sessions/**', 'organisations/**', 'templates/**', 'minutier.config.*']),
    );
    expect(workflow.on.push.branches).toEqual(['main']);
  });

  it('calls only minutier subcommands and flags the CLI has, with known formats', () => {
    const invocations = minutierInvocations();
    expect(invocations.length).toBeGreaterThanOrEqual(5);
    for (const [subcommand, ...args] of invocations) {
      expect(cliSubcommands as readonly string[]).toContain(subcommand);
      for (let i = 0; i < args.length; i += 1) {
        const arg = args[i]!;
        expect(arg.startsWith('--'), `argument inattendu « ${arg} » pour minutier ${subcommand}`).toBe(true);
        const [flag, inline] = arg.split('=', 2) as [string, string | undefined];
        expect(checkFlags as readonly string[]).toContain(flag);
        expect(subcommand).toBe('check'); // build takes no flag here
        if (FLAGS_WITH_VALUE.has(flag)) {
          const value = inline ?? args[++i];
          expect(value, `${flag} sans valeur`).toBeDefined();
          if (flag === '--format') expect(formatNames as readonly string[]).toContain(value);
          if (flag === '--changed-since') expect(value).toBe('origin/${{github.base_ref}}');
        }
      }
    }
  });

  it('checks a pull request: annotations for changed sessions, SARIF upload, build, artifact', () => {
    const job = workflow.jobs.check!;
    expect(job.if).toContain('pull_request');
    expect(job.permissions?.['security-events']).toBe('write');
    const steps = job.steps;
    const index = (predicate: (step: Step) => boolean) => steps.findIndex(predicate);

    const checkout = steps[index((s) => s.uses?.startsWith('actions/checkout@') ?? false)]!;
    expect(checkout.with?.['fetch-depth']).toBe(0);
    const node = steps[index((s) => s.uses?.startsWith('actions/setup-node@') ?? false)]!;
    expect(node.with).toMatchObject({ 'node-version': 20, cache: 'npm' });

    const order = [
      index((s) => s.uses?.startsWith('actions/checkout@') ?? false),
      index((s) => s.uses?.startsWith('actions/setup-node@') ?? false),
      index((s) => /sudo apt-get install -y chromium/.test(s.run ?? '')),
      index((s) => s.run === 'npm ci'),
      index((s) => s.run === 'npx minutier check --format github --changed-since origin/${{ github.base_ref }}'),
      index((s) => s.run === 'npx minutier check --format sarif > minutier.sarif'),
      index((s) => s.uses?.startsWith('github/codeql-action/upload-sarif@') ?? false),
      index((s) => s.run === 'npx minutier build'),
      index((s) => s.uses?.startsWith('actions/upload-artifact@') ?? false),
    ];
    expect(
      order.every((i) => i >= 0),
      `étapes manquantes : ${JSON.stringify(order)}`,
    ).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));

    const upload = steps[order[6]!]!;
    expect(upload.with?.sarif_file).toBe('minutier.sarif');
    // The SARIF is produced and sent even when the check step found errors.
    expect(steps[order[5]!]!.if).toContain('!cancelled()');
    expect(upload.if).toContain('!cancelled()');
    expect(steps[order[8]!]!.with?.path).toBe('output/');
  });

  it('publishes output/ to GitHub Pages on pushes to main', () => {
    const job = workflow.jobs.publish!;
    expect(job.if).toContain('push');
    expect(job.permissions).toMatchObject({ pages: 'write', 'id-token': 'write' });
    const uses = job.steps.map((s) => s.uses ?? s.run ?? '');
    const build = uses.indexOf('npx minutier build');
    const pack = uses.findIndex((u) => u.startsWith('actions/upload-pages-artifact@'));
    const deploy = uses.findIndex((u) => u.startsWith('actions/deploy-pages@'));
    expect(build).toBeGreaterThanOrEqual(0);
    expect(pack).toBeGreaterThan(build);
    expect(deploy).toBeGreaterThan(pack);
    expect(job.steps[pack]!.with?.path).toBe('output/');
  });
});
