/** Dated legal regimes (src/model/regimes.ts): a 2020 session gets the regime of its date; a session may override. */
import { describe, expect, it } from 'vitest';
import { VFile } from 'vfile';
import { checkSession } from '../../src/check/engine.js';
import { ruleById } from '../rules/harness.js';
import { parseText } from '../parse/helpers.js';

function session(date: string, extra = '', organisationExtra = ''): string {
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
${extra}presents:
  - { nom: MARTIN Anne, pouvoir: [PETIT Louise, LEROY Marc] }
  - { nom: DURAND Paul }
excuses: [PETIT Louise, LEROY Marc]
---

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
