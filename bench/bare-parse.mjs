#!/usr/bin/env node
/**
 * The floor `check` is compared with (« check at parser speed », issue 13): each session file read and parsed with
 * the parser minutier uses, the same way (remark-parse with GitHub's tables and the YAML frontmatter, src/parse/
 * parse-session.ts; then the frontmatter with `yaml`'s parseDocument, which keeps the positions findings need), and
 * nothing else: no validation, no model, no rule, no report. A plain ES module script as a user would write it: its
 * packages are loaded from node_modules (minutier's own start is bundled and code-cached, bin/minutier.js).
 *
 *   node bench/bare-parse.mjs [--jobs N] <file.md | folder> ...
 *
 * Prints the number of top-level Markdown nodes parsed (so that the work cannot be optimised away). `--jobs N` parses
 * the files in N processes of this script at once (file i in process i mod N), as `xargs -P N` would: the floor on
 * all the machine's cores (`check --concurrency` spreads its sessions over threads the same way).
 */
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
const args = process.argv.slice(2);
let jobs = 1;
const jobsAt = args.indexOf('--jobs');
if (jobsAt >= 0) {
  jobs = Number(args[jobsAt + 1]);
  args.splice(jobsAt, 2);
  if (!Number.isInteger(jobs) || jobs < 1) {
    process.stderr.write('--jobs attend un nombre entier de processus, au moins 1.\n');
    process.exit(2);
  }
}

const files = args.flatMap((input) =>
  statSync(input).isDirectory()
    ? readdirSync(input)
        .filter((name) => name.endsWith('.md'))
        .sort()
        .map((name) => path.join(input, name))
    : [input],
);
if (jobs > 1) {
  const run = promisify(execFile);
  const self = fileURLToPath(import.meta.url);
  const parts = Array.from({ length: jobs }, (_, k) => files.filter((_, i) => i % jobs === k)).filter(
    (part) => part.length,
  );
  const counts = await Promise.all(parts.map((part) => run(process.execPath, [self, ...part])));
  process.stdout.write(`${counts.reduce((sum, { stdout }) => sum + Number(stdout), 0)}\n`);
  process.exit(0);
}

// Loaded only by the processes that parse (the one that shares the files out starts no parser).
const [{ gfmTable }, { gfmTableFromMarkdown }, { default: remarkFrontmatter }, { default: remarkParse }, { unified }] =
  await Promise.all([
    import('micromark-extension-gfm-table'),
    import('mdast-util-gfm-table'),
    import('remark-frontmatter'),
    import('remark-parse'),
    import('unified'),
  ]);
const { parseDocument } = await import('yaml');

/** Tables only, as src/parse/remark-tables.ts: the rest of remark-gfm is not what a PV is written with. */
function remarkTables() {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(gfmTable());
  (data.fromMarkdownExtensions ??= []).push(gfmTableFromMarkdown());
}

const processor = unified().use(remarkParse).use(remarkTables).use(remarkFrontmatter, ['yaml']);

let nodes = 0;
for (const file of files) {
  const tree = processor.parse(readFileSync(file, 'utf8'));
  const [first] = tree.children;
  if (first?.type === 'yaml') {
    // minutier's options (src/parse/yaml.ts): the source tokens are kept for the findings' positions.
    parseDocument(first.value, {
      keepSourceTokens: true,
      uniqueKeys: true,
      customTags: [],
      prettyErrors: false,
      strict: true,
    });
  }
  nodes += tree.children.length;
}
process.stdout.write(`${nodes}\n`);
