/**
 * A text folded for matching words: accents and other combining marks removed, lower case (« Délibéré » → « delibere »).
 * Exactly `text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()`, answered without the Unicode property scan
 * when it is not needed: ASCII text only needs its case lowered, and text with no character from U+0300 on decomposes
 * into marks of U+0300–U+036F only (checked for every such character in test/model/fold.test.ts). The grammars of
 * votes, tables and relations fold every block they read.
 */

const LATIN_MARKS = /[\u0300-\u036F]/gu;
const MARKS = /\p{M}/gu;

export function foldText(text: string): string {
  let highest = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code > highest) highest = code;
    if (code >= 0x300) break;
  }
  if (highest < 0x80) return text.toLowerCase();
  if (highest < 0x300) return text.normalize('NFD').replace(LATIN_MARKS, '').toLowerCase();
  return text.normalize('NFD').replace(MARKS, '').toLowerCase();
}
