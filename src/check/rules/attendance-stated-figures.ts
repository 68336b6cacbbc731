import { Decimal } from 'decimal.js';
import type { Rule } from '../rule.js';
import { plural, rowComputed, rows, ruleDocs } from './shared.js';
import { formatFrenchNumber } from '../../model/numbers.js';

const id = 'attendance-stated-figures';

/** L2121-15: the PV states the members present and represented; its figures must match its own lists. */
export const attendanceStatedFigures: Rule = {
  meta: {
    id,
    description: 'Les chiffres annoncés (présents, représentés, voix) correspondent aux listes de présence.',
    severity: 'error',
    docs: ruleDocs(id),
  },
  check({ session, report }) {
    const stated = session.stated ?? {};
    const all = rows(session);
    const room = session.attendance?.room.length ?? 0;
    const remote = session.attendance?.remote.length ?? 0;
    if (stated.present && !stated.present.value.equals(all.length)) {
      report({
        message: `Le procès-verbal annonce ${plural(stated.present.raw, 'présent')} mais en nomme ${all.length}.`,
        place: stated.present.position,
        expected: String(all.length),
        actual: stated.present.raw,
        note: remote
          ? `${room} dans la salle + ${remote} en téléconférence = ${all.length}`
          : `${room} présents nommés`,
      });
    }
    const proxies = all.flatMap((row) => row.proxies);
    if (stated.represented && !stated.represented.value.equals(proxies.length)) {
      const holders = all.filter((row) => row.proxies.length).length;
      report({
        message: `Le procès-verbal annonce ${plural(stated.represented.raw, 'représenté')} mais les listes comptent ${plural(proxies.length, 'pouvoir')}.`,
        place: stated.represented.position,
        expected: String(proxies.length),
        actual: stated.represented.raw,
        note: `${plural(proxies.length, 'pouvoir')} détenu${proxies.length > 1 ? 's' : ''} par ${plural(holders, 'présent')}`,
      });
    }
    if (stated.voices) {
      const voices = stated.voices;
      const problems: string[] = [];
      const expected: string[] = [];
      const notes: string[] = [];
      if (all.length && all.every((row) => row.voices)) {
        const sum = all.reduce((total, row) => total.plus(row.voices!.value), new Decimal(0));
        if (!sum.equals(voices.value)) {
          const written = formatFrenchNumber(sum, sum.decimalPlaces());
          problems.push(`la somme des lignes de présence fait ${written}`);
          expected.push(written);
          notes.push(`lignes : ${all.map((row) => row.voices!.raw).join(' + ')} = ${written}`);
        }
      }
      const computed = all.map((row) => rowComputed(session, row));
      if (all.length && session.organisation?.roster?.length) {
        const total = computed.reduce((sum, row) => sum + row.total, 0);
        const known = computed.every((row) => row.known);
        const wrong = known ? !voices.value.equals(total) : voices.value.lessThan(total);
        if (wrong) {
          problems.push(`la liste des délégués en donne ${known ? '' : 'au moins '}${total}`);
          expected.push(`${known ? '' : '≥ '}${total}`);
          notes.push(
            `liste des délégués : ${computed.map((row) => `${row.known ? '' : '≥'}${row.total}`).join(' + ')} ${known ? '=' : '≥'} ${total}`,
          );
        }
      }
      if (problems.length) {
        report({
          message: `Le procès-verbal annonce ${plural(voices.raw, 'voix')} mais ${problems.join(', et ')}.`,
          place: voices.position,
          expected: expected.join(' ; '),
          actual: voices.raw,
          note: notes.join(' ; '),
        });
      }
    }
  },
};
