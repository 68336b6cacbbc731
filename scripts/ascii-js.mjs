/**
 * Makes a bundle pure ASCII without changing what it does (scripts/bundle.mjs). Node reads a CommonJS file as UTF-8:
 * 2.8 MB holding a single non-ASCII character decode into a two-byte string, ~20 ms of every cold start, and the SHA-1
 * of bin/code-cache.js re-encodes it; pure ASCII decodes in ~2 ms (docs/performance.md, « Cold check, round 5 »).
 * esbuild already escapes strings, identifiers and plain templates (`charset: 'ascii'`), but not what it must keep as
 * written: regular-expression literals and String.raw templates (the French patterns of src/model and src/parse), nor
 * comments. Each is rewritten here, token by token (acorn's tokenizer):
 * - in a regular expression, a character becomes `\uXXXX` (`\u{…}` beyond U+FFFF with the `u`/`v` flag): the same
 *   pattern, in or out of a class; `\é` (an identity escape) becomes the escape alone;
 * - in a String.raw template, a character becomes a substitution `${"\uXXXX"}`: String.raw inserts it as is, so the
 *   string is the same (an escape in the raw text would not be);
 * - in a template without a tag (esbuild escapes those already), `\uXXXX`: the same string;
 * - in a comment, `\uXXXX` (nothing reads it).
 * Anything else non-ASCII (a template with another tag…) stops the build rather than be guessed at.
 */
import { tokenizer, tokTypes as tt } from 'acorn';

const NON_ASCII = /[\u0080-\u{10FFFF}]/u;
const hex4 = (unit) => `\\u${unit.toString(16).toUpperCase().padStart(4, '0')}`;
/** `\uXXXX` for each UTF-16 unit of `character` (a surrogate pair for a character beyond U+FFFF). */
const units = (character) => [...Array(character.length).keys()].map((i) => hex4(character.charCodeAt(i))).join('');

function regexLiteral(raw, flags) {
  const codePoints = /[uv]/.test(flags);
  let out = '';
  let escaped = false;
  for (const character of raw) {
    if (!NON_ASCII.test(character)) {
      out += character;
      escaped = character === '\\' && !escaped;
      continue;
    }
    if (escaped) out = out.slice(0, -1);
    const codePoint = character.codePointAt(0);
    out += codePoints && codePoint > 0xffff ? `\\u{${codePoint.toString(16).toUpperCase()}}` : units(character);
    escaped = false;
  }
  return out;
}

function rawTemplateChunk(raw, where) {
  let out = '';
  let backslashes = 0;
  for (const character of raw) {
    if (!NON_ASCII.test(character)) {
      out += character;
      backslashes = character === '\\' ? backslashes + 1 : 0;
      continue;
    }
    if (backslashes % 2 === 1)
      throw new Error(`ascii-js: an escaped non-ASCII character in a String.raw template at ${where}`);
    out += `\${"${units(character)}"}`;
    backslashes = 0;
  }
  return out;
}

/** What a template's opening backquote follows: String.raw, an expression (another tag) or nothing that can be one. */
function templateKind([name, dot, previous]) {
  if (name?.value === 'String' && dot?.type === tt.dot && previous?.value === 'raw') return 'raw';
  const tagEnds = [tt.name, tt.parenR, tt.bracketR, tt.braceR, tt.backQuote, tt.string, tt.num, tt.privateId, tt._this];
  return previous && tagEnds.includes(previous.type) ? 'tagged' : 'plain';
}

/** `code` (a script) with every non-ASCII character written as an ASCII escape of the same meaning. */
export function toAscii(code) {
  if (!NON_ASCII.test(code)) return code;
  const edits = [];
  const comments = [];
  const tokens = [];
  for (const token of tokenizer(code, { ecmaVersion: 'latest', allowHashBang: true, onComment: comments })) {
    tokens.push(token);
  }
  /** One entry per template being read: `raw` (tagged String.raw), `plain` (no tag) or `tagged` (another tag). */
  const templates = [];
  tokens.forEach((token, index) => {
    const previous = tokens[index - 1];
    if (token.type === tt.backQuote) {
      if (previous?.type === tt.template || previous?.type === tt.invalidTemplate) templates.pop();
      else templates.push(templateKind(tokens.slice(Math.max(0, index - 3), index)));
      return;
    }
    const text = code.slice(token.start, token.end);
    if (!NON_ASCII.test(text)) return;
    const template = token.type === tt.template || token.type === tt.invalidTemplate ? templates.at(-1) : undefined;
    if (token.type === tt.regexp) edits.push([token.start, token.end, regexLiteral(text, token.value.flags)]);
    else if (template === 'raw') edits.push([token.start, token.end, rawTemplateChunk(text, token.start)]);
    else if (template === 'plain' && token.type === tt.template) {
      edits.push([token.start, token.end, regexLiteral(text, '')]);
    } else throw new Error(`ascii-js: a non-ASCII ${token.type.label} at ${token.start}: ${text.slice(0, 60)}`);
  });
  for (const comment of comments) {
    const text = code.slice(comment.start, comment.end);
    if (NON_ASCII.test(text)) edits.push([comment.start, comment.end, text.replace(/[\u0080-\u{10FFFF}]/gu, units)]);
  }
  edits.sort((a, b) => b[0] - a[0]);
  let out = code;
  for (const [start, end, replacement] of edits) out = out.slice(0, start) + replacement + out.slice(end);
  if (NON_ASCII.test(out)) throw new Error('ascii-js: non-ASCII characters left');
  return out;
}
