/**
 * Which characters the bundled fonts draw (the table scripts/font-coverage.mjs generates from the font files): the
 * `font-coverage` rule reports what none draws, and render embeds only the subsets a document needs.
 */
import { FONT_SUBSETS, type FontSubset } from './font-coverage.js';

/** Whether `point` lies in one of the sorted, disjoint inclusive ranges. */
function inRanges(ranges: ReadonlyArray<readonly [number, number]>, point: number): boolean {
  let low = 0;
  let high = ranges.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const [first, last] = ranges[middle]!;
    if (point < first) high = middle - 1;
    else if (point > last) low = middle + 1;
    else return true;
  }
  return false;
}

export const BASE_SUBSETS = FONT_SUBSETS.filter((subset) => subset.base);
export const EXTRA_SUBSETS = FONT_SUBSETS.filter((subset) => !subset.base);

/**
 * Characters that need no glyph: controls, spaces and line breaks, and the default-ignorable format characters
 * (joiners, variation selectors, soft hyphen, BOM…).
 */
function needsNoGlyph(point: number): boolean {
  return (
    point < 0x20 ||
    (point >= 0x7f && point < 0xa0) ||
    point === 0xad ||
    (point >= 0x200b && point <= 0x200f) ||
    (point >= 0x2028 && point <= 0x202e) ||
    (point >= 0x2060 && point <= 0x206f) ||
    (point >= 0xfe00 && point <= 0xfe0f) ||
    point === 0xfeff ||
    (point >= 0xe0000 && point <= 0xe0fff)
  );
}

/** The bundled subset that draws `point` (the base ones first), or undefined when no bundled font has it. */
export function subsetFor(point: number): FontSubset | undefined {
  return (
    BASE_SUBSETS.find((subset) => inRanges(subset.coverage, point)) ??
    EXTRA_SUBSETS.find((subset) => inRanges(subset.coverage, point))
  );
}

/** Whether a bundled font draws the character (or it needs no glyph). */
export function isCovered(point: number): boolean {
  return needsNoGlyph(point) || subsetFor(point) !== undefined;
}
