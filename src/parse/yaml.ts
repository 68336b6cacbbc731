/**
 * YAML with positions: the frontmatter (or an organisation file) parsed by `yaml` with source ranges, every node
 * locatable in the file it was read from. Safety: no custom tags (an unknown tag such as `!!js/function` is an
 * error, never a constructor), a bounded number of aliases (alias bombs fail), unique keys.
 */
import {
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  parseDocument,
  visit,
  type Document,
  type Node as YamlNode,
} from 'yaml';
import type { Position } from 'unist';
import type { Locator } from './source.js';
import type { Reporter } from './report.js';

import { frenchYamlMessage, isStackOverflow, refusedTag, TOO_DEEP } from './yaml-messages.js';

export const MAX_ALIASES = 100;

export type Path = ReadonlyArray<string | number>;

/** A parsed YAML text located inside a file at `base`. */
export class YamlSource {
  readonly doc: Document.Parsed;
  data: unknown;

  constructor(
    readonly text: string,
    readonly base: number,
    readonly locator: Locator,
    /** Set for an organisation file: copied into the `file` of Located values. */
    readonly file?: string,
  ) {
    this.doc = parseDocument(text, {
      keepSourceTokens: true,
      uniqueKeys: true,
      customTags: [],
      prettyErrors: false,
      strict: true,
    });
  }

  /** Reports syntax errors and forbidden constructs; returns false when the data cannot be trusted. */
  check(report: Reporter): boolean {
    let ok = true;
    // The first syntax error only: the next ones are most often its consequences.
    const syntax = this.doc.errors.slice(0, 1);
    const tags = this.doc.warnings.filter((warning) => warning.code === 'TAG_RESOLVE_FAILED');
    for (const error of [...syntax, ...tags]) {
      const { reason, start, end } = this.describeError(error.code, error.message, error.pos[0], error.pos[1]);
      report.error(reason, this.range(start, end), 'parse-yaml');
      ok = false;
    }
    if (!ok) return false;
    try {
      this.data = this.doc.toJS({ maxAliasCount: MAX_ALIASES });
    } catch (error) {
      const english = error instanceof Error ? error.message : String(error);
      const message = isStackOverflow(english)
        ? TOO_DEEP
        : error instanceof ReferenceError && /alias/iu.test(english)
          ? `Trop de références (alias « * ») : plus de ${MAX_ALIASES} ; le document est refusé par sécurité (« bombe d'alias »).`
          : 'Le YAML ne peut pas être lu : vérifiez les références (alias « * ») et les ancres (« & »).';
      report.error(message, this.firstAliasPosition() ?? this.range(0, Math.min(this.text.length, 3)), 'parse-yaml');
      return false;
    }
    return true;
  }

  /** Where the first alias (`*name`) is: an alias bomb is reported there, not on the first line. */
  private firstAliasPosition(): Position | undefined {
    let first: YamlNode | undefined;
    visit(this.doc, {
      Alias(_, node) {
        first = node;
        return visit.BREAK;
      },
    });
    return this.nodePosition(first);
  }

  /** A French reason and a better place for a YAML error (the opening quote, not the end of the file). */
  private describeError(
    code: string,
    english: string,
    start: number,
    end: number,
  ): { reason: string; start: number; end: number } {
    const text = this.text;
    const lineEnd = (from: number) => {
      const newline = text.indexOf('\n', from);
      return (newline === -1 ? text.length : newline) - (text[newline - 1] === '\r' ? 1 : 0);
    };
    const quote = /^Missing closing (["'])quote/u.exec(english);
    if (quote) {
      const opening = text.lastIndexOf(quote[1]!, Math.max(0, start - 1));
      if (opening >= 0) {
        return {
          reason: `Erreur de syntaxe YAML : guillemet fermant manquant : la valeur qui commence ici par « ${quote[1]} » n'est jamais fermée ; ajoutez « ${quote[1]} » à la fin de la valeur.`,
          start: opening,
          end: Math.max(opening + 1, lineEnd(opening)),
        };
      }
    }
    const unclosed = /must end with a (.)/u.exec(english);
    if (unclosed) {
      return {
        reason: `Erreur de syntaxe YAML : « ${unclosed[1] === ']' ? '[' : '{'} » ouvert ici n'est pas fermé : ajoutez « ${unclosed[1]} ».`,
        start,
        end: Math.max(end, start + 1),
      };
    }
    if (code === 'RESOURCE_EXHAUSTION' && isStackOverflow(english)) {
      // The parser gives up somewhere inside the run of brackets: point at where the nesting starts on that line.
      let from = Math.min(start, text.length);
      while (from > 0 && /[[{ \t-]/u.test(text[from - 1]!)) from--;
      while (from < start && /[ \t]/u.test(text[from]!)) from++;
      return { reason: frenchYamlMessage(code, english), start: from, end: from + 1 };
    }
    if (code === 'TAG_RESOLVE_FAILED') {
      const tag = refusedTag(text.slice(start, end), english);
      return {
        reason:
          `Erreur de syntaxe YAML : étiquette YAML non permise${tag ? ` (« ${tag} »)` : ''} : minutier n'accepte que des ` +
          "valeurs simples, retirez l'étiquette.",
        start,
        end: Math.max(end, start + 1),
      };
    }
    let reason = frenchYamlMessage(code, english);
    if (/^Missing , /u.test(english))
      reason = "Erreur de syntaxe YAML : virgule manquante entre deux éléments d'une liste [ … ] ou { … }.";
    else if (/^Implicit map keys need to be followed/u.test(english)) {
      reason = 'Erreur de syntaxe YAML : une clé doit être suivie de « : » et de sa valeur.';
    } else if (/^Sequence item without/u.test(english))
      reason = 'Erreur de syntaxe YAML : élément de liste sans « - ».';
    if (code === 'BLOCK_AS_IMPLICIT_KEY' || code === 'MULTILINE_IMPLICIT_KEY') {
      const lineStart = text.lastIndexOf('\n', Math.max(0, start - 1)) + 1;
      const next = text.indexOf('\n', start);
      if (next !== -1) {
        const indentOf = (from: number) => /^ */u.exec(text.slice(from))![0].length;
        const current = indentOf(lineStart);
        const following = indentOf(next + 1);
        const from = next + 1 + following;
        if (following !== current && from < text.length) {
          return {
            reason:
              `Erreur de syntaxe YAML : indentation incorrecte : cette ligne commence par ${following} espace${following > 1 ? 's' : ''}, ` +
              `la précédente par ${current} ; alignez les clés d'un même niveau.`,
            start: from,
            end: Math.max(from + 1, lineEnd(from)),
          };
        }
      }
    }
    // An error reported at the end of a line is about the next one (an indentation mistake).
    if (text.slice(start, lineEnd(start)).trim() === '') {
      const next = text.indexOf('\n', start);
      if (next !== -1) {
        const indent = /^[ \t]*/u.exec(text.slice(next + 1))![0].length;
        const from = next + 1 + indent;
        if (from < text.length) return { reason, start: from, end: Math.max(from + 1, lineEnd(from)) };
      }
    }
    return { reason, start, end: Math.max(end, start + 1) };
  }

  /** Position in the file of a range of the YAML text. */
  range(start: number, end: number): Position {
    return this.locator.position(this.base + start, this.base + end);
  }

  nodePosition(node: YamlNode | undefined | null): Position | undefined {
    const range = node?.range;
    if (!range) return undefined;
    return this.range(range[0], range[1]);
  }

  /** The node at a path (scalars kept as nodes), following aliases. */
  node(path: Path): YamlNode | undefined {
    if (path.length === 0) return this.doc.contents ?? undefined;
    let current: unknown = this.doc.contents;
    for (const key of path) {
      if (isAlias(current)) current = current.resolve(this.doc);
      if (isMap(current)) {
        const pair = current.items.find((item) => isScalar(item.key) && String(item.key.value) === String(key));
        current = pair?.value ?? undefined;
      } else if (isSeq(current) && typeof key === 'number') {
        current = current.items[key];
      } else return undefined;
      if (current === undefined || current === null) return undefined;
    }
    return current as YamlNode;
  }

  /** The key node of the last segment of a path, in its parent mapping. */
  keyNode(path: Path): YamlNode | undefined {
    const parent = this.node(path.slice(0, -1));
    const last = path.at(-1);
    if (!isMap(parent)) return undefined;
    const pair = parent.items.find(
      (item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(last),
    );
    return (pair?.key ?? undefined) as YamlNode | undefined;
  }

  /** The position of the value at a path, or of the deepest existing node along it. */
  position(path: Path): Position {
    for (let length = path.length; length >= 0; length--) {
      const sub = path.slice(0, length);
      const position = this.nodePosition(this.node(sub));
      if (position) {
        if (length === path.length) return position;
        // A missing child: point at the key of the deepest existing parent rather than at a whole block.
        return this.nodePosition(this.keyNode(sub)) ?? position;
      }
    }
    return this.range(0, 0);
  }

  keyPosition(path: Path): Position {
    return this.nodePosition(this.keyNode(path)) ?? this.position(path);
  }

  /** The exact source text of a scalar (quotes removed) and its position, for numbers typed as text. */
  scalarSource(path: Path): { text: string; position: Position } | undefined {
    const node = this.node(path);
    if (!isScalar(node) || !node.range) return undefined;
    const [start, end] = node.range;
    let raw = this.text.slice(start, end);
    let from = start;
    if ((raw.startsWith('"') && raw.endsWith('"')) || (raw.startsWith("'") && raw.endsWith("'"))) {
      if (raw.length >= 2) {
        raw = raw.slice(1, -1);
        from = start + 1;
      }
    }
    // Flow and block scalars may carry trailing white space in their range.
    const trimmedStart = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    return { text: trimmed, position: this.range(from + trimmedStart, from + trimmedStart + trimmed.length) };
  }

  /** Offsets (in the file) of the source of a scalar. */
  has(path: Path): boolean {
    return this.node(path) !== undefined;
  }
}
