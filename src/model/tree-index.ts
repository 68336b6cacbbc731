/**
 * The nodes of a session's Markdown tree by type, in document order (the order `unist-util-visit` walks them): the
 * tree is walked once per session, and every rule that looks for its headings, tables, raw HTML or links reads the
 * lists (a whole-tree `visit` per rule was a few milliseconds of each check; docs/performance.md). The session tree is
 * never modified after parsing, so the index made for it stays true.
 */
import type { Nodes, Root } from 'mdast';

type NodeOf<T extends Nodes['type']> = Extract<Nodes, { type: T }>;

const indexes = new WeakMap<Root, Map<string, Nodes[]>>();

function build(tree: Root): Map<string, Nodes[]> {
  const index = new Map<string, Nodes[]>();
  const walk = (node: Nodes): void => {
    let list = index.get(node.type);
    if (!list) index.set(node.type, (list = []));
    list.push(node);
    if ('children' in node) for (const child of node.children) walk(child);
  };
  walk(tree);
  return index;
}

/** The nodes of `type` in `tree` (the root included when asked for), in document order. */
export function nodesOfType<T extends Nodes['type']>(tree: Root, type: T): ReadonlyArray<NodeOf<T>> {
  let index = indexes.get(tree);
  if (!index) indexes.set(tree, (index = build(tree)));
  return (index.get(type) ?? []) as unknown as ReadonlyArray<NodeOf<T>>;
}
