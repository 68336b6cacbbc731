/**
 * The one GitHub-flavoured extension a PV needs: tables. The rest of remark-gfm (bare URLs turned into links,
 * footnotes, task lists, strikethrough) has no place in minutes, and its autolink scanner alone doubles the time of
 * parsing a long PV.
 */
import type { Processor } from 'unified';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';

export function remarkTables(this: Processor): void {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(gfmTable());
  (data.fromMarkdownExtensions ??= []).push(gfmTableFromMarkdown());
}
