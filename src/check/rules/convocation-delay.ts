import { formatDate } from '../../model/french.js';
import type { Rule } from '../rule.js';
import { plural, ruleDocs } from './shared.js';

const id = 'convocation-delay';

const DAY = 24 * 60 * 60 * 1000;

function utcDay(iso: string): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(iso);
  if (!match) return undefined;
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / DAY;
}

/** L2121-12 (L2121-11 below 3 500 inhabitants): the convocation is sent so many jours francs before the session. */
export const convocationDelay: Rule = {
  meta: {
    id,
    description: 'La convocation est envoyée au moins le nombre de jours francs requis avant la séance.',
    severity: 'warn',
    docs: ruleDocs(id),
  },
  check({ session, report }) {
    const convocation = session.convocation;
    const required = session.organisation?.convocationDays;
    if (!convocation || !session.date || !required) return;
    const sent = utcDay(convocation.value);
    const held = utcDay(session.date.value);
    if (sent === undefined || held === undefined) return;
    // Jours francs: neither the day of sending nor the day of the session count.
    const clear = held - sent - 1;
    if (clear >= required.value) return;
    report({
      message:
        clear < 0
          ? `La convocation (${formatDate(convocation.value)}) est datée ${sent === held ? 'du jour même de' : 'après'} la séance (${formatDate(session.date.value)}).`
          : `La convocation du ${formatDate(convocation.value)} laisse ${plural(clear, 'jour franc', 'jours francs')} avant la séance du ${formatDate(session.date.value)} ; il en faut ${required.value}.`,
      place: convocation.position,
      expected: `≥ ${required.value}`,
      actual: String(Math.max(clear, 0)),
      note: `ni le jour de l’envoi ni celui de la séance ne comptent : ${plural(Math.max(clear, 0), 'jour franc', 'jours francs')}${required.file ? ` ; ${required.value} requis par ${required.file}` : ''}`,
    });
  },
};
