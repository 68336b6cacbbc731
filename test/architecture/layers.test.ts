/**
 * ARCHITECTURE.md kept true: each folder of src/ is a stage, and a stage imports only the stages below it.
 * The data flows parse → model → check, model → html → render → print, and check/render/print/report → pipeline → cli;
 * html/ is the session body as it will be printed, which check (faithfulness, sanitizer) and render share.
 * A new import that points up, or any import cycle between modules, fails here with the file and the line.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const src = path.resolve(import.meta.dirname, '../../src');

/** The stages, lowest first. A stage may import its own modules and those of a lower level. */
export const levels: Record<string, number> = {
  util: 0,
  model: 1,
  parse: 2,
  html: 3,
  check: 4,
  render: 4,
  print: 4,
  report: 4,
  publish: 5,
  pipeline: 6,
  authoring: 7,
  cli: 8,
};

function sources(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const file = path.join(folder, name);
    if (statSync(file).isDirectory()) return sources(file);
    return file.endsWith('.ts') ? [file] : [];
  });
}

interface ImportLine {
  from: string;
  to: string;
  line: number;
}

/** Every relative import (static, type-only and dynamic) of every module, resolved to a .ts file. */
function imports(): ImportLine[] {
  const found: ImportLine[] = [];
  for (const file of sources(src)) {
    readFileSync(file, 'utf8')
      .split('\n')
      .forEach((text, index) => {
        for (const match of text.matchAll(/(?:from\s+|import\s*\(\s*|^import\s+)'(\.{1,2}\/[^']+)'/gu)) {
          const target = path.resolve(path.dirname(file), match[1]!).replace(/\.js$/u, '.ts');
          found.push({ from: file, to: target, line: index + 1 });
        }
      });
  }
  return found;
}

const stageOf = (file: string): string => path.relative(src, file).split(path.sep)[0]!;
const where = (entry: ImportLine): string => `src/${path.relative(src, entry.from)}:${entry.line}`;

describe('the layers of src/', () => {
  const all = imports();

  it('every folder of src/ is a known stage', () => {
    const stages = readdirSync(src).filter((name) => statSync(path.join(src, name)).isDirectory());
    expect(stages.filter((stage) => !(stage in levels))).toEqual([]);
  });

  it('no stage imports a stage of its level or above', () => {
    const upward = all
      .filter((entry) => stageOf(entry.from) !== stageOf(entry.to))
      .filter((entry) => levels[stageOf(entry.to)]! >= levels[stageOf(entry.from)]!)
      .map((entry) => `${where(entry)} → src/${path.relative(src, entry.to)}`);
    expect(upward).toEqual([]);
  });

  it('no module imports itself back through others (no cycle)', () => {
    const graph = new Map<string, string[]>();
    for (const entry of all) graph.set(entry.from, [...(graph.get(entry.from) ?? []), entry.to]);
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const visit = (file: string, trail: string[]): void => {
      if (state.get(file) === 'done') return;
      if (state.get(file) === 'open') {
        const cycle = trail.slice(trail.indexOf(file)).map((f) => path.relative(src, f));
        cycles.push([...cycle, path.relative(src, file)].join(' → '));
        return;
      }
      state.set(file, 'open');
      for (const next of graph.get(file) ?? []) visit(next, [...trail, file]);
      state.set(file, 'done');
    };
    for (const file of graph.keys()) visit(file, []);
    expect(cycles).toEqual([]);
  });
});
