import type { FrenchNumber } from '../../model/types.js';
import { membersInOffice } from '../../model/attendance.js';
import type { Rule } from '../rule.js';
import { rows, ruleDocs } from './shared.js';

const id = 'attendance-announced-totals';

/**
 * The totals a PV announces (« En exercice : 42 – Présents : 40 – Absents : 3 – Votants : 41 – Majorité absolue : 21 »)
 * agree with each other, with the organisation and with the attendance lists.
 */
export const attendanceAnnouncedTotals: Rule = {
  meta: {
    id,
    description:
      'En exercice, présents, absents, votants, suffrages exprimés et majorité absolue annoncés s’accordent.',
    severity: 'error',
    docs: ruleDocs(id),
  },
  check({ session, report }) {
    const stated = session.stated ?? {};
    const n = (number: FrenchNumber | undefined) => number?.value.toNumber();
    const all = rows(session);
    const organisation = session.organisation;

    // En exercice: the organisation's own figure.
    const office = membersInOffice(organisation);
    if (stated.inOffice && office && organisation.delegatesInOffice && n(stated.inOffice) !== office.value) {
      report({
        message: `Le procès-verbal annonce ${stated.inOffice.raw} membres en exercice mais l’organisme en déclare ${office.value} (« delegues-en-exercice »).`,
        place: stated.inOffice.position,
        expected: String(office.value),
        actual: stated.inOffice.raw,
        note: `delegues-en-exercice de ${organisation.name.value} : ${office.value}`,
      });
    }

    // Présents + absents = en exercice ; or présents + absents + représentés, when the PV announces the représentés
    // apart (« Présents : 31 Absent(s) : 2 Pouvoir(s) : 22 » for 55, Montreuil) : its absents are those not represented.
    const inOffice = stated.inOffice ? n(stated.inOffice)! : organisation.delegatesInOffice?.value;
    const present = stated.present ? n(stated.present)! : undefined;
    const represented = stated.represented ? n(stated.represented)! : undefined;
    if (stated.absent && present !== undefined && inOffice !== undefined) {
      const absent = n(stated.absent)!;
      const sum = present + absent;
      const apart = represented !== undefined && sum + represented === inOffice;
      if (sum !== inOffice && !apart) {
        report({
          message: `Le procès-verbal annonce ${stated.present!.raw} présents et ${stated.absent.raw} absents pour ${inOffice} membres en exercice : ${stated.present!.raw} + ${stated.absent.raw} = ${sum}, pas ${inOffice}.`,
          place: stated.absent.position,
          expected: String(inOffice - present),
          actual: stated.absent.raw,
          note:
            `présents + absents = en exercice : ${present} + ${inOffice - present} = ${inOffice}` +
            (represented === undefined
              ? ''
              : ` (ou, absents non représentés : ${present} + ${stated.absent.raw} + ${stated.represented!.raw} représentés = ${sum + represented}, pas ${inOffice})`),
        });
      }
    }

    // Votants = présents + représentés.
    if (stated.voters) {
      const presentCount = present ?? all.length;
      const represented = stated.represented
        ? n(stated.represented)!
        : all.reduce((sum, row) => sum + row.proxies.length, 0);
      const how = `${stated.present ? 'présents annoncés' : 'présents nommés'} ${presentCount} + ${stated.represented ? 'représentés annoncés' : 'pouvoirs des listes'} ${represented}`;
      const known = stated.present !== undefined || all.length > 0;
      if (known && n(stated.voters) !== presentCount + represented) {
        report({
          message: `Le procès-verbal annonce ${stated.voters.raw} votants, mais présents et représentés font ${presentCount} + ${represented} = ${presentCount + represented}.`,
          place: stated.voters.position,
          expected: String(presentCount + represented),
          actual: stated.voters.raw,
          note: `votants = ${how} = ${presentCount + represented}`,
        });
      }
    }

    // Suffrages exprimés ≤ votants.
    if (stated.cast && stated.voters && n(stated.cast)! > n(stated.voters)!) {
      report({
        message: `Le procès-verbal annonce ${stated.cast.raw} suffrages exprimés pour ${stated.voters.raw} votants : il ne peut y en avoir plus que de votants.`,
        place: stated.cast.position,
        expected: `≤ ${stated.voters.raw}`,
        actual: stated.cast.raw,
      });
    }

    // Majorité absolue: more than half of the suffrages exprimés, else of the votants.
    if (stated.absoluteMajority) {
      const base = stated.cast ?? stated.voters;
      if (base) {
        const of = stated.cast ? 'suffrages exprimés' : 'votants';
        const expected = Math.floor(n(base)! / 2) + 1;
        if (n(stated.absoluteMajority) !== expected) {
          report({
            message: `Le procès-verbal annonce une majorité absolue de ${stated.absoluteMajority.raw} pour ${base.raw} ${of} : la majorité absolue est ${expected}.`,
            place: stated.absoluteMajority.position,
            expected: String(expected),
            actual: stated.absoluteMajority.raw,
            note: `plus de la moitié de ${base.raw} ${of} : ${base.raw} ÷ 2 = ${(n(base)! / 2).toLocaleString('fr-FR')}, le premier entier au-dessus est ${expected}`,
          });
        }
      }
    }
  },
};
