import { LEVEL_2, lookupMatiere, MATIERE_CODE } from '../../model/actes-nomenclature.js';
import { publicationFacts } from '../../parse/matiere.js';
import type { Rule } from '../rule.js';
import { ruleDocs } from './shared.js';

const id = 'deliberation-matiere';

/**
 * The SCDL « Délibérations » requires each deliberation's matière in the ACTES nomenclature (DELIB_MATIERE_CODE and
 * DELIB_MATIERE_NOM). A code that is not in the nomenclature is always reported; a missing one only when the
 * organisation publishes its deliberations as open data (it states its `siret` or a `publication-url`).
 */
export const deliberationMatiere: Rule = {
  meta: {
    id,
    description: 'Chaque délibération porte une matière de la nomenclature ACTES (données ouvertes SCDL).',
    severity: 'warn',
    docs: ruleDocs(id),
  },
  check({ session, report }) {
    const organisation = session.organisation;
    const publishes = organisation.siret !== undefined || organisation.publicationUrl !== undefined;
    for (const deliberation of session.deliberations) {
      const facts = publicationFacts(session, deliberation);
      const number = deliberation.number.value;
      if (facts.matiere) {
        const code = facts.matiere.value;
        if (lookupMatiere(code, organisation.matieres)) continue;
        const two = code.split('.').slice(0, 2).join('.');
        report({
          message: MATIERE_CODE.test(code)
            ? `La matière « ${code} » de la délibération n° ${number} n'est pas dans la nomenclature ACTES (niveau 2 : ${two} inconnu) : choisissez un code du fichier de classification de la préfecture, par exemple « 7.1 » (Finances locales / ${LEVEL_2['7.1']}).`
            : `La matière « ${code} » de la délibération n° ${number} n'est pas un code ACTES : écrivez des chiffres séparés par des points, par exemple « 7.1 ».`,
          place: facts.matiere.position,
          actual: code,
        });
        continue;
      }
      if (!publishes && !facts.comment) continue;
      report({
        message: `La délibération n° ${number} n'a pas de matière ACTES : ajoutez sous son titre « <!-- matiere: 7.1 --> » avec le code de sa matière (DELIB_MATIERE_CODE, obligatoire dans les données ouvertes).`,
        place: facts.comment ?? deliberation.number.position,
      });
    }
  },
};
