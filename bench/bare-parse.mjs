#!/usr/bin/env node
/**
 * The floor `check` is compared with (« check at parser speed », issue 13): each session file read and parsed with
 * the parser minutier uses, the same way (remark-parse with GitHub's tables and the YAML frontmatter, src/parse/
 * parse-session.ts; then the frontmatter with `yaml`'s parseDocument, which keeps the positions findings need), and
 * nothing else: no validation, no model, no rule, no report. A plain ES module script as a user would write it: its
 * packages are loaded from node_modules (minutier's own start is bundled and code-cached, bin/minutier.js).
 *
 *   node bench/bare-parse.mjs <file.md | folder> ...
 *
 * Prints the number of top-level Markdown nodes parsed (so that the work cannot be optimised away).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { parseDocument } from 'yaml';

/** Tables only, as src/parse/remark-tables.ts: the rest of remark-gfm is not what a PV is written with. */
function remarkTables() {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(gfmTable());
  (data.fromMarkdownExtensions ??= []).push(gfmTableFromMarkdown());
}

const processor = unified().use(remarkParse).use(remarkTables).use(remarkFrontmatter, ['yaml']);

const files = process.argv.slice(2).flatMap((input) =>
  statSync(input).isDirectory()
    ? readdirSync(input)
        .filter((name) => name.endsWith('.md'))
        .sort()
        .map((name) => path.join(input, name))
    : [input],
);
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
