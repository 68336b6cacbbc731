/** The figures a liste or an extrait prints: in office, present, represented, voters, voices. */
import type { Session } from '../../model/types.js';
import { vocabularyOf } from '../../model/vocabulary.js';
import { formatNumber } from '../../model/french.js';
import { sessionFigures } from '../sentences.js';

export function figuresList(session: Session, withInOffice: boolean) {
  const figures = sessionFigures(session);
  const list: Array<{ label: string; value: string }> = [];
  if (withInOffice && figures.inOffice)
    list.push({ label: vocabularyOf(session.organisation).inOfficeLabel, value: formatNumber(figures.inOffice) });
  list.push({ label: 'Présents', value: formatNumber(figures.present) });
  list.push({ label: 'Représentés', value: formatNumber(figures.represented) });
  list.push({ label: 'Votants', value: formatNumber(figures.voters) });
  if (figures.voices) list.push({ label: 'Voix', value: formatNumber(figures.voices) });
  return list;
}
