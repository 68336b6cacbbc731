import { QUORUM_MENTION_FROM, quorumStated } from '../../model/mentions.js';
import type { Point, Position } from '../../model/types.js';
import type { Rule } from '../rule.js';
import { rows, ruleDocs } from './shared.js';

const id = 'legal-mentions';

/** L2121-15: what the procès-verbal must say. */
export const legalMentions: Rule = {
  meta: {
    id,
    description:
      'Le procès-verbal porte les mentions de l’article L2121-15 (date, heure, président, présents, secrétaire, quorum, votes, levée).',
    severity: 'warn',
    docs: ruleDocs(id),
  },
  check({ session, report }) {
    const frontmatter = session.tree?.children[0];
    const header: Position | Point =
      frontmatter?.type === 'yaml' && frontmatter.position ? frontmatter.position.start : { line: 1, column: 1 };
    const missing = (what: string, place: Position | Point = header) =>
      report({ message: `Il manque ${what} (article L2121-15 du CGCT).`, place });
    if (!session.date?.value) missing('la date de la séance');
    if (!session.time?.value) missing('l’heure de la séance');
    if (!session.president?.name) missing('le président de séance');
    if (!rows(session).length && !session.stated?.present) missing('la liste des membres présents et représentés');
    if (!session.secretaries?.length) missing('le secrétaire de séance');
    // The quorum: stated by the session (printed as « Constat du quorum ») or said by the body, since L2121-15 asks it.
    if (session.date?.value >= QUORUM_MENTION_FROM && !quorumStated(session) && !session.quorumMention) {
      missing('la mention du quorum (« Le quorum est atteint », ou annonce.quorum-atteint dans l’en-tête)');
    }
    for (const deliberation of session.deliberations) {
      if (!deliberation.vote) {
        report({
          message: `La délibération n° ${deliberation.number.value} ne dit pas le résultat du vote (article L2121-15 du CGCT).`,
          place: deliberation.title.position,
        });
      }
    }
    if (!session.closing?.time) {
      const end = session.tree?.position?.end;
      missing('l’heure de levée de la séance (« La séance est levée à 19h00 »)', end ?? header);
    }
  },
};
