import type { Rule } from '../rule.js';
import { explainRow, plural, rowComputed, rows, ruleDocs } from './shared.js';

const id = 'attendance-row-voices';

/** L2121-20 and the statuts' weighting: a row's voices are the member's plus each proxy's, by the roster. */
export const attendanceRowVoices: Rule = {
  meta: {
    id,
    description: 'Les voix annoncées sur chaque ligne de présence sont celles du membre et des pouvoirs qu’il détient.',
    severity: 'error',
    docs: ruleDocs(id),
  },
  check({ session, report }) {
    for (const row of rows(session)) {
      if (!row.voices) continue;
      const stated = row.voices.value;
      const computed = rowComputed(session, row);
      const wrong = computed.known ? !stated.equals(computed.total) : stated.lessThan(computed.total);
      if (!wrong) continue;
      const people = computed.parts.length;
      const who = people > 1 ? `ces ${people} délégués` : 'ce délégué';
      report({
        message: computed.known
          ? `Cette ligne annonce ${plural(row.voices.raw, 'voix')} ; ${who} en ${people > 1 ? 'ont' : 'a'} ${computed.total} selon la liste des délégués.`
          : `Cette ligne annonce ${plural(row.voices.raw, 'voix')} pour ${people > 1 ? `${people} délégués` : 'un délégué'} : il en faut au moins ${computed.total}.`,
        place: row.voices.position,
        expected: `${computed.known ? '' : '≥ '}${computed.total}`,
        actual: row.voices.raw,
        note: explainRow(session, row),
      });
    }
  },
};
