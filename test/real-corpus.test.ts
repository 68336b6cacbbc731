/**
 * The corpus of real published PVs (issue 11): each PV of test/fixtures/real/ is checked as `minutier check` checks
 * it, and its findings (errors and warnings, rule id and line) must be exactly those its truth table in
 * test/fixtures/real/README.md predicts:
 * - `truth`: the real inconsistencies and omissions of the PV, found by hand; `detected: true` when minutier reports
 *   them today, `detected: false` for the known misses (« attendu, pas encore détecté »);
 * - `falseFindings`: what minutier reports today although the PV is right (known false errors and warnings);
 * - `outOfScope`: what minutier reports because only part of the PV is transcribed (the closing « La séance est
 *   levée… » was not transcribed, a name cut by the source…): neither true nor false, left out of the figures;
 * - `styleNotes`: accurate remarks on how the PV is written (decimals with a point, « 29 571 233.00F »), which are
 *   not inconsistencies: listed and asserted, left out of the figures.
 * The recall and false-error figures written in the README are recomputed here from these lists.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { VFile } from 'vfile';
import { allRules } from '../src/check/index.js';
import { checkFiles } from '../src/pipeline/check-files.js';
import { clearOrganisationCache } from '../src/parse/organisation.js';

type Severity = 'error' | 'warning';
/**
 * Two engines: `today` is minutier before the issue 11 engine (branch assemblies) lands on main; `issue11` is minutier
 * with it (recognised by its rule attendance-announced-totals). The expected findings of each are written out, so
 * the test passes on either and the README gives the figures of both.
 */
type Engine = 'today' | 'issue11';
const BOTH: Engine[] = ['today', 'issue11'];

interface Finding {
  rule: string;
  /** Line of the finding in the fixture; undefined for a known miss whose place minutier does not report yet. */
  line?: number;
  severity: Severity;
  why: string;
  /** The engines that report it (default: both). */
  engines?: Engine[];
}

interface TrueFinding extends Finding {
  /** The engines that detect it ([] : « attendu, pas encore détecté »). */
  detected: Engine[];
}

interface RealPv {
  id: string;
  kind: 'conseil municipal' | 'conseil communautaire' | 'comité syndical';
  truth: TrueFinding[];
  falseFindings: Finding[];
  outOfScope: Finding[];
  styleNotes?: Finding[];
}

const root = path.resolve(import.meta.dirname, '..');
const ENGINE: Engine = allRules.some((rule) => rule.meta.id === 'attendance-announced-totals') ? 'issue11' : 'today';
const LEVEE = 'la levée de séance n’est pas dans la partie transcrite';
const TODAY: Engine[] = ['today'];
const ISSUE11: Engine[] = ['issue11'];

/** Missing key, reported today as a parse failure although issue 11 makes it optional (a legal-mentions finding). */
const missingKey = (key: string): Finding => ({
  rule: 'parse-schema',
  line: 1,
  severity: 'error',
  why: `« ${key} » absent du PV : erreur d'analyse avant l'issue 11, le PV n'est pas vérifié`,
  engines: TODAY,
});
/** A key announced by issue 11, unknown to the schema before it: a parse error that stops every check of the PV. */
const unknownKey = (key: string, line: number): Finding => ({
  rule: 'parse-unknown-key',
  line,
  severity: 'error',
  why: `clé « annonce.${key} » (issue 11) inconnue avant l'issue 11 : le PV n'est pas vérifié`,
  engines: TODAY,
});
/** A mention of article L2121-15 the PV does not give (the place is not one of them). */
const notStated = (what: string): TrueFinding => ({
  rule: 'legal-mentions',
  line: 1,
  severity: 'warning',
  why: `le PV ne dit pas ${what}`,
  detected: ISSUE11,
});
const levee = (line: number, engines: Engine[] = ISSUE11): Finding => ({
  rule: 'legal-mentions',
  line,
  severity: 'warning',
  why: LEVEE,
  engines,
});
const voteNotTranscribed = (line: number): Finding => ({
  rule: 'legal-mentions',
  line,
  severity: 'warning',
  why: 'le vote de ce point n’est pas dans la partie transcrite',
  engines: ISSUE11,
});

const CORPUS: RealPv[] = [
  {
    id: 'saint-vincent-de-durfort-2019-09-16',
    kind: 'conseil municipal',
    truth: [notStated('l’heure'), notStated('qui préside')],
    falseFindings: [missingKey('heure'), missingKey('lieu'), missingKey('president')],
    outOfScope: [levee(45)],
  },
  {
    id: 'lachamp-ribennes-2019-11-25',
    kind: 'conseil municipal',
    truth: [notStated('qui préside')],
    falseFindings: [missingKey('president'), unknownKey('votants', 34)],
    outOfScope: [levee(73)],
  },
  {
    id: 'crach-2006-06-02',
    kind: 'conseil municipal',
    truth: [
      {
        rule: 'attendance-name-variant',
        line: 14,
        severity: 'warning',
        why: 'le maire est écrit « Jean-Loïc BONNEMAINS » puis « Jean Loïc BONNEMAINS »',
        detected: ISSUE11,
      },
    ],
    falseFindings: [
      unknownKey('absents', 35),
      {
        rule: 'legal-mentions',
        line: 49,
        severity: 'warning',
        why: 'point 2 : une désignation du secrétaire, pas un scrutin',
        engines: ISSUE11,
      },
    ],
    outOfScope: [levee(52)],
  },
  {
    id: 'barneville-carteret-2002-03-28',
    kind: 'conseil municipal',
    truth: [
      {
        rule: 'legal-mentions',
        line: 1,
        severity: 'warning',
        why: 'le PV ne nomme pas de secrétaire de séance',
        detected: BOTH,
      },
    ],
    falseFindings: [
      {
        rule: 'attendance-unknown-person',
        line: 21,
        severity: 'error',
        why: '« Maître LAURENT » : civilité non reconnue',
        engines: TODAY,
      },
      {
        rule: 'attendance-unknown-person',
        line: 30,
        severity: 'error',
        why: '« Dr LEGENDRE » : civilité non reconnue',
        engines: TODAY,
      },
    ],
    outOfScope: [levee(74, BOTH)],
    styleNotes: [
      ...[61, 62, 62, 62, 63, 63, 63, 64, 64, 65].map((line) => ({
        rule: 'parse-number-format',
        line,
        severity: 'warning' as const,
        why: 'décimales écrites avec un point, comme dans le PV ; le nombre est lu juste',
      })),
      ...[61, 61, 65].map((line) => ({
        rule: 'parse-number-format',
        line,
        severity: 'warning' as const,
        why: '« 29 571 233.00F », « 2174 479.85 », « - 4911 765.70 » : écrits ainsi par le PV, pas lus comme nombres',
      })),
    ],
  },
  {
    id: 'pornic-2021-03-26',
    kind: 'conseil municipal',
    truth: [
      {
        rule: 'attendance-announced-totals',
        line: 48,
        severity: 'error',
        why: 'majorité absolue annoncée 11 ; pour 33 votants elle est de 17 (33 ÷ 2 = 16,5)',
        detected: ISSUE11,
      },
    ],
    falseFindings: [unknownKey('votants', 47), unknownKey('majorite-absolue', 48)],
    outOfScope: [levee(58)],
  },
  {
    id: 'vaureal-2007-05-14',
    kind: 'conseil municipal',
    truth: [],
    falseFindings: [
      unknownKey('votants', 38),
      {
        rule: 'legal-mentions',
        line: 53,
        severity: 'warning',
        why: 'point II : compte rendu des décisions du maire, sans vote par nature',
        engines: ISSUE11,
      },
    ],
    outOfScope: [levee(62)],
  },
  {
    id: 'le-verger-2019-06-20',
    kind: 'conseil municipal',
    truth: [
      {
        rule: 'proxy-limit',
        line: 19,
        severity: 'error',
        why: 'Mme GALIC détient 2 pouvoirs (M.-D. PHAM, F. TOQUÉ) ; 1 au plus en juin 2019 (L2121-20)',
        detected: ISSUE11,
      },
    ],
    falseFindings: [unknownKey('votants', 31)],
    outOfScope: [voteNotTranscribed(56), levee(57)],
  },
  {
    id: 'verfeil-2020-03-05',
    kind: 'conseil municipal',
    truth: [
      {
        rule: 'vote-count',
        // The vote is read from « APPROUVE le procès-verbal… » (line 48); its figures are on line 50.
        line: 48,
        severity: 'error',
        why: '19 voix pour 20 votants possibles (18 présents + le maire qui préside + 1 pouvoir)',
        detected: ISSUE11,
      },
    ],
    falseFindings: [
      {
        rule: 'attendance-unknown-person',
        line: 13,
        severity: 'error',
        why: '« Rémy PRADELLES » (secrétaire) = « R. PRADELLES » : initiale non rapprochée',
        engines: TODAY,
      },
    ],
    outOfScope: [levee(51, BOTH)],
  },
  {
    id: 'villiers-sur-morin-2020-12-10',
    kind: 'conseil municipal',
    truth: [notStated('l’heure'), notStated('qui préside')],
    falseFindings: [missingKey('heure'), missingKey('lieu'), missingKey('president')],
    outOfScope: [voteNotTranscribed(55), levee(58)],
  },
  {
    id: 'revin-2021-12-16',
    kind: 'conseil municipal',
    truth: [
      {
        rule: 'attendance-stated-figures',
        line: 42,
        severity: 'error',
        why: '« Représentés : 28 » ; 8 pouvoirs au plus à tout moment (28 = 20 présents + 8 pouvoirs, les votants)',
        detected: BOTH,
      },
    ],
    falseFindings: [
      {
        rule: 'proxy-limit',
        line: 23,
        severity: 'error',
        why: 'Mme DUMON porte 2 pouvoirs, permis en décembre 2021 (loi 2021-1465) : le régime de la date n’est pas appliqué',
        engines: TODAY,
      },
      {
        rule: 'proxy-limit',
        line: 35,
        severity: 'error',
        why: 'M. LÉONARD porte 2 pouvoirs, permis en décembre 2021 (loi 2021-1465)',
        engines: TODAY,
      },
      {
        rule: 'legal-mentions',
        line: 79,
        severity: 'warning',
        why: 'la levée est dite « Levée de séance : 19:49 », forme que minutier ne lisait pas avant l’issue 11',
        engines: TODAY,
      },
    ],
    outOfScope: [],
  },
  {
    id: 'montreuil-2020-11-04',
    kind: 'conseil municipal',
    truth: [],
    falseFindings: [missingKey('president'), unknownKey('absents', 52)],
    outOfScope: [
      {
        rule: 'legal-mentions',
        line: 1,
        severity: 'warning',
        why: 'qui préside : la source s’arrête au milieu de la phrase qui le dirait',
        engines: ISSUE11,
      },
      {
        rule: 'legal-mentions',
        line: 1,
        severity: 'warning',
        why: 'le secrétaire n’est pas dans la partie consultable de la source',
        engines: ISSUE11,
      },
      levee(69),
    ],
  },
  {
    id: 'cc-cote-des-isles-2005-10-27',
    kind: 'conseil communautaire',
    truth: [],
    falseFindings: [],
    outOfScope: [
      { rule: 'legal-mentions', line: 1, severity: 'warning', why: 'le nom du secrétaire est coupé par la source' },
      levee(82, BOTH),
    ],
  },
  {
    id: 'cc-cote-des-isles-2008-02-28',
    kind: 'conseil communautaire',
    truth: [
      {
        rule: 'aucune règle',
        line: 69,
        severity: 'error',
        why: '« titulaires : 36 » pour 35 titulaires nommés ; le format ne sait pas écrire ce chiffre',
        detected: [],
      },
      {
        rule: 'aucune règle',
        line: 69,
        severity: 'error',
        why: '« suppléants : 3 » pour 4 suppléants nommés ; le format ne sait pas écrire ce chiffre',
        detected: [],
      },
      {
        rule: 'aucune règle',
        line: 75,
        severity: 'warning',
        why: 'la séance est « à 20 h 30 » dans l’en-tête et « à dix huit heures » dans la phrase d’ouverture',
        detected: [],
      },
    ],
    falseFindings: [],
    outOfScope: [
      { rule: 'legal-mentions', line: 1, severity: 'warning', why: 'le nom du secrétaire est coupé par la source' },
      levee(76, BOTH),
    ],
  },
  {
    id: 'cc-cote-des-isles-2011-07-07',
    kind: 'conseil communautaire',
    truth: [
      {
        rule: 'attendance-seats',
        line: 1,
        severity: 'warning',
        why: '47 conseillers en exercice annoncés, 46 nommés (30 titulaires présents + 16 excusés) : un siège sans nom',
        detected: ISSUE11,
      },
    ],
    falseFindings: [
      {
        rule: 'attendance-name-variant',
        line: 15,
        severity: 'warning',
        why: '« Jean-Paul Gosselin » (phrase) et « GOSSELIN Jean-Paul » (liste) : la seule casse, usage typographique',
      },
      {
        rule: 'attendance-unknown-person',
        line: 50,
        severity: 'error',
        why: 'M. ANDRE Joël est un suppléant dont le PV ne nomme pas le titulaire',
        engines: TODAY,
      },
    ],
    outOfScope: [
      { rule: 'legal-mentions', line: 1, severity: 'warning', why: 'la source s’arrête avant le nom du secrétaire' },
      levee(73, BOTH),
    ],
  },
  {
    id: 'questembert-communaute-2019-12-16',
    kind: 'conseil communautaire',
    truth: [],
    falseFindings: [unknownKey('votants', 48)],
    outOfScope: [levee(61)],
  },
  {
    id: 'concarneau-cornouaille-2019-12-19',
    kind: 'conseil communautaire',
    truth: [notStated('qui préside')],
    falseFindings: [missingKey('president')],
    outOfScope: [levee(87)],
  },
  {
    id: 'loir-luce-berce-2020-11-19',
    kind: 'conseil communautaire',
    truth: [],
    falseFindings: [unknownKey('votants', 60)],
    outOfScope: [levee(70)],
  },
  {
    id: 'siaep-condom-caussens-2021-03-03',
    kind: 'comité syndical',
    truth: [notStated('l’heure')],
    falseFindings: [missingKey('heure'), missingKey('lieu')],
    outOfScope: [voteNotTranscribed(52), levee(53)],
  },
  {
    id: 'sivom-alliance-nord-ouest-2009-03-25',
    kind: 'comité syndical',
    truth: [notStated('qui préside')],
    falseFindings: [missingKey('president')],
    outOfScope: [levee(73)],
  },
];

function severityOf(fatal: boolean | null | undefined): Severity | undefined {
  if (fatal === true) return 'error';
  if (fatal === false) return 'warning';
  return undefined;
}

/** `severity rule@line`, sorted: what the test compares. */
function keys(findings: Array<{ rule?: string | null; line?: number; severity?: Severity }>): string[] {
  return findings.map((finding) => `${finding.severity} ${finding.rule}@${finding.line ?? '?'}`).sort();
}

function reported(file: VFile): string[] {
  const findings = file.messages.flatMap((message) => {
    const severity = severityOf(message.fatal);
    if (!severity) return [];
    const place = message.place as { line?: number; start?: { line: number } } | undefined;
    const line = place && 'start' in place && place.start ? place.start.line : place?.line;
    return [{ rule: message.ruleId ?? undefined, line, severity }];
  });
  return keys(findings);
}

const reportedBy = (finding: Finding, engine: Engine) => (finding.engines ?? BOTH).includes(engine);

function expectedFor(pv: RealPv, engine: Engine): string[] {
  return keys([
    ...pv.truth.filter((finding) => finding.detected.includes(engine)),
    ...[...pv.falseFindings, ...pv.outOfScope, ...(pv.styleNotes ?? [])].filter((finding) =>
      reportedBy(finding, engine),
    ),
  ]);
}

function figures(engine: Engine) {
  const truth = CORPUS.flatMap((pv) => pv.truth);
  const falses = CORPUS.flatMap((pv) => pv.falseFindings).filter((finding) => reportedBy(finding, engine));
  return {
    truths: truth.length,
    detected: truth.filter((finding) => finding.detected.includes(engine)).length,
    falseErrors: falses.filter((finding) => finding.severity === 'error').length,
    falseWarnings: falses.filter((finding) => finding.severity === 'warning').length,
  };
}

describe('corpus de PV réels (test/fixtures/real)', async () => {
  clearOrganisationCache();
  const paths = CORPUS.map((pv) => path.join(root, 'test/fixtures/real', `${pv.id}.md`));
  const files = await checkFiles(paths, { cwd: root });

  it('a au moins 4 conseils municipaux, 3 conseils communautaires et 2 comités syndicaux', () => {
    const count = (kind: RealPv['kind']) => CORPUS.filter((pv) => pv.kind === kind).length;
    expect(count('conseil municipal')).toBeGreaterThanOrEqual(4);
    expect(count('conseil communautaire')).toBeGreaterThanOrEqual(3);
    expect(count('comité syndical')).toBeGreaterThanOrEqual(2);
  });

  CORPUS.forEach((pv, index) => {
    it(`${pv.id} : exactement les constats de sa table de vérité (moteur ${ENGINE})`, () => {
      expect(reported(files[index]!)).toEqual(expectedFor(pv, ENGINE));
    });
  });

  it('le README donne le rappel et les fausses erreurs que ces listes donnent, pour les deux moteurs', () => {
    const readme = readFileSync(path.join(root, 'test/fixtures/real/README.md'), 'utf8');
    const labels: Record<Engine, string> = { today: 'avant l’issue 11', issue11: 'avec le moteur de l’issue 11' };
    for (const engine of BOTH) {
      const { truths, detected, falseErrors, falseWarnings } = figures(engine);
      const label = labels[engine];
      expect(readme).toContain(`Rappel ${label} : ${detected} / ${truths}`);
      expect(readme).toContain(`Fausses erreurs ${label} : ${falseErrors}`);
      expect(readme).toContain(`Faux avertissements ${label} : ${falseWarnings}`);
    }
    for (const pv of CORPUS) expect(readme, `le README décrit ${pv.id}`).toContain(`(${pv.id}.md)`);
  });
});
