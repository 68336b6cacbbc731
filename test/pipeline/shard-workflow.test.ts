/**
 * The GitHub Actions workflow docs/performance.md gives for `--shard` (« Beyond one machine ») does what
 * test/pipeline/shard.test.ts proves: every shard of the matrix builds its part into the same folder name, each part
 * is uploaded with its hidden cache file, and a final job downloads them all into that folder and runs an ordinary
 * `build` there, with the same options but `--shard`.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const root = path.resolve(import.meta.dirname, '../..');

interface Step {
  run?: string;
  uses?: string;
  with?: Record<string, unknown>;
}
interface Job {
  needs?: string | string[];
  strategy?: { matrix?: { shard?: number[] } };
  steps: Step[];
}

function documentedWorkflow(): { jobs: Record<string, Job> } {
  const text = readFileSync(path.join(root, 'docs', 'performance.md'), 'utf8');
  const section = text.slice(text.indexOf('## Beyond one machine'));
  const block = /```yaml\n([\s\S]*?)```/u.exec(section);
  expect(block, 'the workflow block of « Beyond one machine »').not.toBeNull();
  return parse(block![1]!) as { jobs: Record<string, Job> };
}

/** The arguments of the `npx minutier build …` step of a job. */
function buildArguments(job: Job): string[] {
  const commands = job.steps.flatMap((step) => (step.run?.startsWith('npx minutier build') ? [step.run] : []));
  expect(commands).toHaveLength(1);
  // `${{ matrix.shard }}` holds spaces: one word, as the runner substitutes it before the shell splits the line.
  return commands[0]!
    .replace(/#.*$/u, '')
    .replace(/\$\{\{\s*matrix\.shard\s*\}\}/gu, '<matrix.shard>')
    .trim()
    .split(/\s+/u)
    .slice(3);
}

const option = (args: string[], name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);

describe('the documented shard workflow', () => {
  const { jobs } = documentedWorkflow();
  const build = jobs.build!;
  const merge = jobs.merge!;

  it('builds shard i of n for each i of its matrix, n being the matrix’s size', () => {
    const shards = build.strategy?.matrix?.shard ?? [];
    expect(shards).toEqual(Array.from({ length: shards.length }, (_, i) => i + 1));
    expect(option(buildArguments(build), '--shard')).toBe(`<matrix.shard>/${shards.length}`);
  });

  it('merges in a final job: every part downloaded into the shards’ folder, then an ordinary build there', () => {
    expect([merge.needs].flat()).toContain('build');
    const shardArgs = buildArguments(build);
    const mergeArgs = buildArguments(merge);
    const out = option(shardArgs, '--out');
    expect(out).toBeDefined();
    expect(option(mergeArgs, '--out')).toBe(out);
    expect(mergeArgs).not.toContain('--shard');
    // The same options otherwise: the merge finds every session up to date only if it asks for the same documents.
    const withoutShard = [...shardArgs];
    withoutShard.splice(withoutShard.indexOf('--shard'), 2);
    expect(mergeArgs).toEqual(withoutShard);

    const upload = build.steps.find((step) => step.uses?.startsWith('actions/upload-artifact'));
    expect(upload?.with?.path).toBe(`${out}/`);
    // The shard's cache is a dot file: without it the merge would print every session again.
    expect(upload?.with?.['include-hidden-files']).toBe(true);
    const download = merge.steps.find((step) => step.uses?.startsWith('actions/download-artifact'));
    expect(download?.with?.path).toBe(out);
    expect(download?.with?.['merge-multiple']).toBe(true);
    // Both jobs check out the same commit before building (the cache keys depend on the sources).
    for (const job of [build, merge]) expect(job.steps[0]?.uses).toMatch(/^actions\/checkout@/u);
  });
});
