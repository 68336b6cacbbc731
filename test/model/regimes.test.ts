/** Dated legal regimes (src/model/regimes.ts): a 2020 session gets the regime of its date; a session may override. */
import { describe, expect, it } from 'vitest';
import { VFile } from 'vfile';
import { checkSession } from '../../src/check/engine.js';
import { LEGAL_REGIMES, regimeAt } from '../../src/model/regimes.js';
import { ruleById } from '../rules/harness.js';
import { parseText } from '../parse/helpers.js';

const TWO_PRESENT = `presents:
  - { nom: MARTIN Anne, pouvoir: [PETIT Louise, LEROY Marc] }
  - { nom: DURAND Paul }
excuses: [PETIT Louise, LEROY Marc]
`;

function session(date: string, extra = '', organisationExtra = '', attendance = TWO_PRESENT): string {
  return `---
organisation:
  nom: Commune de Saint-Martin
  forme: commune
${organisationExtra}  delegues:
    - { nom: MARTIN Anne }
    - { nom: DURAND Paul }
    - { nom: PETIT Louise }
    - { nom: LEROY Marc }
    - { nom: BERNARD Claire }
    - { nom: ROY Mathilde }
date: ${date}
${extra}${attendance}---

## Délibérations

### 1. Budget

Adopté à l'unanimité
`;
}

async function findings(source: string, ruleId: string) {
  const { session: parsed, file } = await parseText(source);
  expect(parsed, file.messages.map(String).join('\n')).toBeDefined();
  const checked = new VFile({ path: file.path, value: source });
  checkSession(parsed!, checked, { rules: [ruleById(ruleId)] });
  return { session: parsed!, messages: checked.messages.map((message) => message.reason) };
}

describe('dated regimes', () => {
  it('a session under loi 2021-1465 gets two proxies and a quorum of one third', async () => {
    const { session: parsed, messages } = await findings(session('2021-12-15'), 'proxy-limit');
    expect(parsed.organisation.proxies.maxPerHolder).toBe(2);
    expect(parsed.organisation.quorum.fraction).toEqual({ numerator: 1, denominator: 3 });
    expect(parsed.organisation.proxies.source).toMatch(/2021-1465/u);
    expect(messages).toEqual([]);
  });

  it('a 2020 session between the laws (September) gets the ordinary regime', async () => {
    const { session: parsed, messages } = await findings(session('2020-09-15'), 'proxy-limit');
    expect(parsed.organisation.proxies.maxPerHolder).toBe(1);
    expect(messages).toHaveLength(1);
  });

  it('a session under loi 2020-290 gets its regime', async () => {
    const { session: parsed } = await findings(session('2020-05-26'), 'proxy-limit');
    expect(parsed.organisation.proxies.maxPerHolder).toBe(2);
    expect(parsed.organisation.proxies.source).toMatch(/2020-290/u);
  });

  it('a session may state its own legal basis, or the ordinary regime', async () => {
    const own = await findings(
      session(
        '2023-01-10',
        'regime: { quorum: { seuil: 1/3 }, pouvoirs: { maximum: 2 }, source: arrêté préfectoral du 3 janvier 2023 }\n',
      ),
      'proxy-limit',
    );
    expect(own.session.organisation.proxies.maxPerHolder).toBe(2);
    expect(own.messages).toEqual([]);
    const ordinary = await findings(session('2021-12-15', 'regime: ordinaire\n'), 'proxy-limit');
    expect(ordinary.session.organisation.proxies.maxPerHolder).toBe(1);
    expect(ordinary.messages).toHaveLength(1);
  });

  it('an organisation declares its own dated regimes; its stated rules win over the legal periods', async () => {
    const dated = await findings(
      session(
        '2023-01-10',
        '',
        '  regimes:\n    - { du: 2023-01-01, au: 2023-06-30, pouvoirs: { maximum: 2 }, source: statuts modifiés }\n',
      ),
      'proxy-limit',
    );
    expect(dated.session.organisation.proxies.maxPerHolder).toBe(2);
    const stated = await findings(
      session('2021-12-15', '', '  pouvoirs: { maximum: 1, source: règlement intérieur }\n'),
      'proxy-limit',
    );
    expect(stated.session.organisation.proxies.maxPerHolder).toBe(1);
  });
});

/** Each bound of each legal period, and the day on either side: the law's words, docs/format.md « Régimes datés ». */
describe('legal periods, at each boundary date', () => {
  const cases: Array<[string, string | undefined, 'presents' | 'presents-et-representes' | undefined]> = [
    ['2020-03-23', undefined, undefined],
    ['2020-03-24', 'loi n° 2020-290 du 23 mars 2020, article 10', 'presents'],
    ['2020-04-02', 'loi n° 2020-290 du 23 mars 2020, article 10', 'presents'],
    ['2020-04-03', 'ordonnance n° 2020-391', 'presents-et-representes'],
    ['2020-07-10', 'ordonnance n° 2020-391', 'presents-et-representes'],
    ['2020-07-11', 'loi n° 2020-760', 'presents'],
    ['2020-08-30', 'loi n° 2020-760', 'presents'],
    ['2020-08-31', undefined, undefined],
    ['2020-11-15', undefined, undefined],
    ['2020-11-16', 'loi n° 2020-1379', 'presents'],
    ['2021-09-30', 'loi n° 2020-1379', 'presents'],
    ['2021-10-01', undefined, undefined],
    ['2021-11-11', undefined, undefined],
    ['2021-11-12', 'loi n° 2021-1465', 'presents'],
    ['2022-07-31', 'loi n° 2021-1465', 'presents'],
    ['2022-08-01', undefined, undefined],
  ];
  it.each(cases)('%s: %s', (date, source, count) => {
    const regime = regimeAt(LEGAL_REGIMES, date);
    if (source === undefined) {
      expect(regime).toBeUndefined();
      return;
    }
    expect(regime?.source).toContain(source);
    expect(regime?.quorum).toEqual({ seuil: { numerator: 1, denominator: 3 }, compte: count, auMoins: true });
    expect(regime?.pouvoirs).toEqual({ maximum: 2 });
  });

  it('the periods do not overlap and are in order', () => {
    for (let index = 1; index < LEGAL_REGIMES.length; index++) {
      expect(LEGAL_REGIMES[index]!.from > LEGAL_REGIMES[index - 1]!.to).toBe(true);
    }
  });
});

/** « Le tiers de leurs membres en exercice est présent »: exactly one third is enough; L2121-17 needs more than half. */
describe('quorum at exactly one third', () => {
  const ONE_PRESENT = `presents:
  - { nom: MARTIN Anne, pouvoir: [PETIT Louise, LEROY Marc] }
excuses: [PETIT Louise, LEROY Marc, DURAND Paul]
`;

  it('2 présents of 6 en exercice reach the quorum of loi 2021-1465 (2 = 6 ÷ 3)', async () => {
    const { session: parsed, messages } = await findings(session('2021-12-15'), 'quorum');
    expect(parsed.organisation.quorum.atLeast).toBe(true);
    expect(parsed.organisation.quorum.count).toBe('presents');
    expect(messages).toEqual([]);
  });

  it('1 présent of 6 does not, and the message says « au moins »; the 2 pouvoirs do not count', async () => {
    const { messages } = await findings(session('2021-12-15', '', '', ONE_PRESENT), 'quorum');
    expect(messages).toEqual(['Le quorum n’est pas atteint à l’ouverture : 1 pour un seuil d’au moins 2.']);
  });

  it('between 3 April and 10 July 2020 the pouvoirs count: 1 présent + 2 représentés = 3 ≥ 2', async () => {
    const { messages } = await findings(session('2020-05-26', '', '', ONE_PRESENT), 'quorum');
    expect(messages).toEqual([]);
  });

  it('outside the periods, 2 présents of 6 are not more than half (L2121-17)', async () => {
    const { session: parsed, messages } = await findings(session('2022-09-15'), 'quorum');
    expect(parsed.organisation.quorum.atLeast).toBeUndefined();
    expect(messages).toEqual(['Le quorum n’est pas atteint à l’ouverture : 2 pour un seuil de plus de 3.']);
  });
});
