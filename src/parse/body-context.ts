/** What the body passes share: the source text, its locator, the reporter. */
import type { Nodes } from 'mdast';
import type { Position } from 'unist';
import type { Locator } from './source.js';
import type { Reporter } from './report.js';

export interface BodyContext {
  source: string;
  locator: Locator;
  report: Reporter;
  /** The largest plausible vote count: the body's seats or voices, when the organisation states them. */
  maxCount?: number;
}

export function positionOf(node: Nodes, context: BodyContext): Position {
  return node.position ?? context.locator.position(0, 0);
}
