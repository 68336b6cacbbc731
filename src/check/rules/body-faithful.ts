/**
 * The faithfulness guarantee (docs/format.md, « Ce qui est imprimé »): every word of the body is printed, in the
 * order written, in the procès-verbal, in the extrait of its deliberation and, for titles and votes, in the liste des
 * délibérations. The rule renders the body as the build does (src/render/body.ts) and compares the words
 * (src/render/faithful.ts): any loss is an error where the author wrote the text. It also names the constructions
 * that make Markdown read something else than the author meant: an unclosed comment, a line underlined by `---`, a
 * table row wider than its header, a closing written before the last deliberation.
 */
import type { RootContent } from 'mdast';
import { location } from 'vfile-location';
import type { Position } from '../../model/types.js';
import { nodesOfType } from '../../model/tree-index.js';
import { isSetextHeading } from '../../parse/body.js';
import { renderDeliberationBody, renderSessionBody } from '../../html/body.js';
import {
  bodyWords,
  documentWords,
  hastWords,
  hastWordsByPart,
  missingWords,
  type BodyWord,
} from '../../html/faithful.js';
import type { Finding, Rule } from '../rule.js';
import { ruleDocs } from './shared.js';

const id = 'body-faithful';

/** At most this many losses are listed per document; the rest is summed up in the last one. */
const MAX_REPORTED = 20;

function quote(run: BodyWord[]): string {
  const text = run.map((entry) => entry.word).join(' ');
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}

export const bodyFaithful: Rule = {
  meta: {
    id,
    description:
      'Chaque mot du corps de la séance est imprimé, à sa place, dans le procès-verbal, les extraits et la liste des délibérations.',
    severity: 'error',
    docs: ruleDocs(id),
  },
  check({ session, report }) {
    const source = session.source;
    const where = location(source);
    const position = (from: number, to: number): Position => {
      const start = where.toPoint(from) ?? { line: 1, column: 1, offset: 0 };
      const end = where.toPoint(Math.max(from, to)) ?? start;
      return { start, end };
    };
    const children = session.tree.children;
    const body = children.filter((node: RootContent) => node.type !== 'yaml');

    const reportRuns = (runs: BodyWord[][], where: string) => {
      runs.slice(0, MAX_REPORTED).forEach((run, index) => {
        const first = run[0]!;
        const last = run.at(-1)!;
        const more =
          index === MAX_REPORTED - 1 && runs.length > MAX_REPORTED
            ? ` (et ${runs.length - MAX_REPORTED} autres passages)`
            : '';
        report({
          message: `Ce texte n’est pas imprimé ${where} : « ${quote(run)} »${more}. Le document signé ne dirait pas ce que dit le fichier.`,
          place: position(first.offset, last.offset + last.word.length),
          note: 'Signalez ce cas : minutier doit imprimer tout le texte du corps, dans l’ordre, ou dire pourquoi.',
        });
      });
    };

    // An unclosed comment hides the rest of the file.
    for (const node of body) {
      if (node.type !== 'html') continue;
      const value = node.value;
      const open = value.lastIndexOf('<!--');
      if (open < 0 || value.indexOf('-->', open + 4) >= 0) continue;
      const start = (node.position?.start.offset ?? 0) + open;
      const lines = source.slice(start).split(/\r\n|\r|\n/u).length;
      report({
        message: `Commentaire non fermé : « <!-- » sans « --> » masque tout le reste du fichier (${lines} ligne${lines > 1 ? 's' : ''}), qui n’est ni lu ni imprimé.`,
        place: position(start, start + 4),
        suggestion: '-->',
        note: 'Fermez le commentaire par « --> » à la fin du texte à cacher.',
      });
    }

    // A line underlined with --- or === is a heading.
    for (const node of nodesOfType(session.tree, 'heading')) {
      if (!isSetextHeading(node, source) || node.position?.end.offset === undefined) continue;
      const end = node.position.end.offset;
      const lineStart = source.lastIndexOf('\n', end - 1) + 1;
      const underline = source.slice(lineStart, end).trim();
      report({
        message: `La ligne « ${underline} » sous « ${source
          .slice(node.position.start.offset ?? 0, lineStart)
          .trim()
          .slice(
            0,
            60,
          )} » en fait un titre (Markdown « setext ») : il est imprimé comme titre, dans la délibération où il est écrit.`,
        place: position(lineStart, end),
        severity: 'warn',
        note: 'Pour un trait de séparation, laissez une ligne vide avant « --- » ; pour un titre, écrivez « ### Titre ».',
      });
    }

    // A table row with more cells than the header (often an unescaped « | » in a cell).
    for (const node of nodesOfType(session.tree, 'table')) {
      const width = node.children[0]?.children.length ?? 0;
      for (const row of node.children.slice(1)) {
        const cell = row.children[width];
        const extra = cell?.children[0] ?? cell;
        if (!extra?.position || extra.position.start.offset === undefined) continue;
        report({
          message: `Cette ligne du tableau a ${row.children.length} cellules et l’en-tête ${width} : les cellules en trop sont imprimées sous des colonnes sans titre. Un « | » dans une cellule s’écrit « \\| ».`,
          place: extra.position,
          severity: 'warn',
          expected: String(width),
          actual: String(row.children.length),
        });
      }
    }

    // The closing sentence before the last deliberation.
    if (session.closing) {
      const closingAt = session.closing.position.start.offset ?? 0;
      const after = session.deliberations.find((deliberation) => (deliberation.position.start.offset ?? 0) > closingAt);
      if (after) {
        report({
          message: `La séance est levée avant la délibération n° ${after.number.value} : le procès-verbal imprime le texte dans l’ordre écrit, la levée de séance avant cette délibération.`,
          place: session.closing.position,
          severity: 'warn',
          note: 'Écrivez « La séance est levée à … » après la dernière délibération.',
        });
      }
    }

    // Every word, in order: the procès-verbal.
    const pv = renderSessionBody(session);
    // The PV's words and each section's, read once: the extraits print the very sections the PV prints.
    const printed = hastWordsByPart(pv.tree);
    reportRuns(missingWords(bodyWords(body, source), printed.words), 'dans le procès-verbal');

    for (const deliberation of session.deliberations) {
      const label = `n° ${deliberation.number.value}`;
      // The extrait: the whole slice of the deliberation.
      const slice = children.slice(deliberation.children.start - 1, deliberation.children.end);
      // The extrait prints the very section the PV prints (renderDeliberationBody and renderSessionBody share it).
      const section = pv.sections.get(deliberation);
      const extrait = section
        ? (printed.parts.get(section) ?? hastWords(section))
        : documentWords(renderDeliberationBody(session, deliberation).html);
      reportRuns(missingWords(bodyWords(slice, source), extrait), `dans l’extrait de la délibération ${label}`);
      // The liste des délibérations: the title and the vote sentence.
      const heading = children[deliberation.children.start - 1]!;
      const titleFrom = deliberation.title.position.start.offset ?? 0;
      const titleWords = bodyWords([heading], source).filter((entry) => entry.offset >= titleFrom);
      const listed: Finding[] = [];
      for (const run of missingWords(titleWords, deliberation.title.value.split(/\s+/u)))
        listed.push(runFinding(run, 'le titre', label));
      const vote = deliberation.vote;
      if (vote) {
        const paragraph = children.find((node) => node.position?.start.offset === vote.position.start.offset);
        if (paragraph) {
          for (const run of missingWords(bodyWords([paragraph], source), vote.text.split(/\s+/u)))
            listed.push(runFinding(run, 'le vote', label));
        }
      }
      for (const finding of listed) report(finding);
    }

    function runFinding(run: BodyWord[], what: string, label: string): Finding {
      const last = run.at(-1)!;
      return {
        message: `Ce texte n’est pas repris dans ${what} de la délibération ${label} de la liste des délibérations : « ${quote(run)} ».`,
        place: position(run[0]!.offset, last.offset + last.word.length),
      };
    }
  },
};
