/**
 * The text of a block (paragraph, heading, table cell, list item) as the concatenation of its text nodes, with a way
 * back from any index in that text to the exact offset in the source file — through escapes (`\*`), entities
 * (`&amp;`) and the indentation of continuation lines, which make a node's value differ from its source slice.
 */
import type { InlineCode, Nodes, Text } from 'mdast';
import type { Position } from 'unist';
import type { Locator } from './source.js';

interface Segment {
  /** Index of the segment's first character in the concatenated text. */
  from: number;
  /** Source offset of the segment's first character. */
  start: number;
  /** Characters in the segment. */
  length: number;
  /**
   * Source offset of each character of the node's value, plus one past the end; absent when the value is its source
   * slice as typed (most text): character i is then at `start + i`, and no array is built.
   */
  offsets?: number[];
}

/** Source offset of the character at `local` in a segment (`length` for one past the end). */
function at(segment: Segment, local: number): number {
  return segment.offsets ? segment.offsets[local]! : segment.start + local;
}

/** Aligns a node's value with its source slice: the source offset of every character of the value. */
function align(value: string, source: string, start: number): number[] {
  const offsets: number[] = [];
  let cursor = 0;
  for (let index = 0; index < value.length; index++) {
    const char = value[index]!;
    let found = -1;
    // Look a little ahead: escapes, entities and stripped indentation only ever add a few characters.
    for (let ahead = cursor; ahead < Math.min(source.length, cursor + 12); ahead++) {
      if (source[ahead] === char) {
        found = ahead;
        break;
      }
    }
    if (found === -1) {
      offsets.push(start + Math.min(cursor, source.length));
      // An entity or a line ending written differently: skip to the next plausible character.
      if (source[cursor] === '&') {
        const semicolon = source.indexOf(';', cursor);
        if (semicolon !== -1 && semicolon - cursor < 12) cursor = semicolon + 1;
      } else if (source[cursor] === '\r' && char === '\n') cursor += 2;
      continue;
    }
    offsets.push(start + found);
    cursor = found + 1;
  }
  offsets.push(start + cursor);
  return offsets;
}

/** One map per block and way of reading: the parser and the checks read the same blocks of the same tree. */
const made = [new WeakMap<Nodes, TextMap>(), new WeakMap<Nodes, TextMap>()];

export class TextMap {
  text = '';
  private readonly segments: Segment[] = [];

  /** The map of a block of the session tree, made once (`new TextMap` with the same arguments gives the same map). */
  static of(block: Nodes, source: string, locator: Locator, asRead = false): TextMap {
    const cache = made[asRead ? 1 : 0]!;
    const known = cache.get(block);
    if (known && known.source === source) return known;
    const map = new TextMap(block, source, locator, asRead);
    cache.set(block, map);
    return map;
  }

  constructor(
    block: Nodes,
    private readonly source: string,
    private readonly locator: Locator,
    /** Also read inline code (its text) and `<br>` (a space), as a reader sees a title or a vote. A hard line break is always a space. */
    asRead = false,
  ) {
    const visit = (node: Nodes): void => {
      if (node.type === 'text' || (asRead && node.type === 'inlineCode')) this.add(node);
      else if (node.type === 'break' || (asRead && node.type === 'html' && /^<br\s*\/?>$/iu.test(node.value)))
        this.addSpace(node);
      else if ('children' in node) for (const child of node.children) visit(child);
    };
    visit(block);
  }

  private addSpace(node: Nodes): void {
    const start = node.position?.start.offset;
    if (start === undefined) return;
    this.segments.push({ from: this.text.length, start, length: 1 });
    this.text += ' ';
  }

  private add(node: Text | InlineCode): void {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start === undefined || end === undefined || node.value.length === 0) return;
    const slice = this.source.slice(start, end);
    const segment: Segment = { from: this.text.length, start, length: node.value.length };
    if (slice !== node.value) segment.offsets = align(node.value, slice, start);
    this.segments.push(segment);
    this.text += node.value;
  }

  /** Source offset of an index in the concatenated text (an end index maps one past the previous character). */
  offset(index: number, isEnd = false): number {
    for (let k = this.segments.length - 1; k >= 0; k--) {
      const segment = this.segments[k]!;
      const local = index - segment.from;
      const length = segment.length;
      if (isEnd ? local <= 0 : local < 0) continue;
      if (isEnd) return at(segment, Math.min(local, length) - 1) + 1;
      return at(segment, Math.min(local, length));
    }
    const first = this.segments[0];
    return first ? at(first, 0) : 0;
  }

  position(from: number, to: number): Position {
    return this.locator.position(this.offset(from), this.offset(to, true));
  }
}
