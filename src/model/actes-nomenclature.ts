/**
 * The ACTES nomenclature (« Aide au Contrôle de légaliTé dématErialiSé »), levels 1 and 2: the matières a deliberation
 * is filed under when it is sent to the préfecture, and the DELIB_MATIERE_CODE / DELIB_MATIERE_NOM of the SCDL
 * « Délibérations ».
 *
 * Sources (docs/publication.md says more):
 * - the nine level-1 headings: the SCDL documentation (schema.data.gouv.fr, scdl/deliberations 2.1.5) points to the
 *   nomenclature published by the préfecture de la Moselle, and Validata's `nomenclature-actes-value` check lists them;
 * - the level-2 codes: the same documentation gives their ranges (1.1–1.7, 2.1–2.3, 3.1–3.6, 4.1–4.5, 5.1–5.8,
 *   6.1–6.5, 7.1–7.10, 8.1–8.9, 9.1–9.4) and one example (8.4, « domaines de compétences par thèmes/aménagement du
 *   territoire »);
 * - the level-2 names: as the classification files of the préfectures give them and as the public code of tools that
 *   transmit acts (Pastell, S²LOW clients) reproduces them. Préfectures word a few of them slightly differently: an
 *   organisation may give its own names (`matieres:` in its file), which take precedence.
 */

export interface Matiere {
  code: string;
  /** Level-1 heading. */
  level1: string;
  /** Level-2 heading (undefined for a level-1 code). */
  level2?: string;
}

export const LEVEL_1: Readonly<Record<string, string>> = {
  '1': 'Commande publique',
  '2': 'Urbanisme',
  '3': 'Domaine et patrimoine',
  '4': 'Fonction publique',
  '5': 'Institutions et vie politique',
  '6': 'Libertés publiques et pouvoirs de police',
  '7': 'Finances locales',
  '8': 'Domaines de compétences par thèmes',
  '9': 'Autres domaines de compétences',
};

export const LEVEL_2: Readonly<Record<string, string>> = {
  '1.1': 'Marchés publics',
  '1.2': 'Délégation de service public',
  '1.3': 'Conventions de mandat',
  '1.4': 'Autres types de contrats',
  '1.5': "Transactions (protocole d'accord transactionnel)",
  '1.6': "Maîtrise d'oeuvre",
  '1.7': 'Actes spéciaux et divers',
  '2.1': "Documents d'urbanisme",
  '2.2': "Actes relatifs au droit d'occupation ou d'utilisation des sols",
  '2.3': 'Droit de préemption urbain',
  '3.1': 'Acquisitions',
  '3.2': 'Aliénations',
  '3.3': 'Locations',
  '3.4': 'Limites territoriales',
  '3.5': 'Actes de gestion du domaine public',
  '3.6': 'Actes de gestion du domaine privé',
  '4.1': 'Personnels titulaires et stagiaires de la F.P.T.',
  '4.2': 'Personnels contractuels',
  '4.3': 'Fonction publique hospitalière',
  '4.4': 'Autres catégories de personnels',
  '4.5': 'Régime indemnitaire',
  '5.1': 'Election exécutif',
  '5.2': 'Fonctionnement des assemblées',
  '5.3': 'Désignation de représentants',
  '5.4': 'Délégation de fonctions',
  '5.5': 'Délégation de signature',
  '5.6': 'Exercice des mandats locaux',
  '5.7': 'Intercommunalité',
  '5.8': "Décision d'ester en justice",
  '6.1': 'Police municipale',
  '6.2': 'Pouvoirs du président du conseil général',
  '6.3': 'Pouvoirs du président du conseil régional',
  '6.4': 'Autres actes réglementaires',
  '6.5': "Actes pris au nom de l'Etat et soumis au contrôle hiérarchique",
  '7.1': 'Décisions budgétaires',
  '7.2': 'Fiscalité',
  '7.3': 'Emprunts',
  '7.4': 'Interventions économiques',
  '7.5': 'Subventions',
  '7.6': 'Contributions budgétaires',
  '7.7': 'Avances',
  '7.8': 'Fonds de concours',
  '7.9': 'Prise de participation (SEM, etc.)',
  '7.10': 'Divers',
  '8.1': 'Enseignement',
  '8.2': 'Aide sociale',
  '8.3': 'Voirie',
  '8.4': 'Aménagement du territoire',
  '8.5': 'Politique de la ville-habitat-logement',
  '8.6': 'Emploi-formation professionnelle',
  '8.7': 'Transports',
  '8.8': 'Environnement',
  '8.9': 'Culture',
  '9.1': 'Autres domaines de compétences des communes',
  '9.2': 'Autres domaines de compétences des départements',
  '9.3': 'Autres domaines de compétences des régions',
  '9.4': 'Voeux et motions',
};

/** A matière code as authors write it: "7.1", "7.10", and deeper levels of a préfecture's file ("7.1.2"). */
export const MATIERE_CODE = /^[1-9](?:\.\d{1,2}){1,4}$/u;

/** The level-2 code of a code ("7.1.2" → "7.1"), the one the SCDL publishes (motif `^\d\.\d{1,2}$`). */
export function level2Code(code: string): string {
  return code.split('.').slice(0, 2).join('.');
}

/**
 * The matière a code designates, from the organisation's own names first, then the nomenclature shipped here;
 * undefined when the code is not in either (an unknown code).
 */
export function lookupMatiere(code: string, own: Readonly<Record<string, string>> = {}): Matiere | undefined {
  if (!MATIERE_CODE.test(code)) return undefined;
  const two = level2Code(code);
  const level1 = own[two.split('.')[0]!] ?? LEVEL_1[two.split('.')[0]!];
  const level2 = own[two] ?? LEVEL_2[two];
  if (!level1 || !level2) return undefined;
  return { code: two, level1, level2 };
}

/**
 * DELIB_MATIERE_NOM as the SCDL writes it: the level-1 heading, « / », the level-2 heading, « en minuscules accentuées,
 * sans virgule ni parenthèse » — « finances locales/décisions budgétaires ».
 */
export function scdlMatiereName(matiere: Matiere): string {
  const clean = (text: string) => text.toLocaleLowerCase('fr-FR').replace(/[,()]/gu, ' ').replace(/\s+/gu, ' ').trim();
  return `${clean(matiere.level1)}/${clean(matiere.level2 ?? '')}`;
}
