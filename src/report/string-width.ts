/**
 * string-width with a fast path: the terminal report (vfile-reporter) measures every cell of every row with
 * string-width, which splits the text into graphemes and builds an emoji regex for each character — 2 s of a
 * 100-session `check` (docs/performance.md). A French finding is almost always made of characters that are one column
 * wide and one grapheme each (ASCII, Latin-1 and Latin Extended letters, typographic quotes, dashes, €, ≤ ≥): for
 * those the width is the length. Anything else (emoji, East Asian text, combining marks, controls, ANSI colours)
 * goes to string-width itself, so the result is always string-width's (test/report/string-width.test.ts compares the
 * two on every character of the fast path). The bundle (scripts/bundle.mjs) gives this module to vfile-reporter in
 * place of string-width.
 */
import stringWidth from 'string-width';

/**
 * Characters that string-width counts as exactly one column and that never join a neighbour into one grapheme:
 * printable ASCII; Latin-1 without © and ® (emoji presentation); Latin Extended A/B, IPA and spacing modifiers;
 * general punctuation from the hyphen to ※ (‘ ’ “ ” – — … ‰, the narrow no-break space); €, −, ≤, ≥.
 */
export const ONE_COLUMN =
  /^[\u0020-\u007E\u00A0-\u00A8\u00AA-\u00AD\u00AF-\u02FF\u2010-\u203B\u20AC\u2212\u2264\u2265]*$/u;

export default function width(text: string, options?: Parameters<typeof stringWidth>[1]): number {
  if (options === undefined && ONE_COLUMN.test(text)) return text.length;
  return stringWidth(text, options);
}
