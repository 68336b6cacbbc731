/** Deliberation numbers as bodies write them (src/parse/deliberation-number.ts): kept as written. */
import { describe, expect, it } from 'vitest';
import { numberingOf, readDeliberationHeading } from '../../src/parse/deliberation-number.js';
import { renderExtrait, renderListeDeliberations, renderSessionHtml } from '../../src/render/index.js';
import { parseText } from './helpers.js';

describe('deliberation numbers', () => {
  it.each([
    ['3. Affectation du résultat', '3', '3. ', 'Affectation du résultat'],
    ['3) Affectation', '3', '3) ', 'Affectation'],
    ['3 - Affectation', '3', '3 - ', 'Affectation'],
    ['4-4 – Tarifs de la cantine', '4-4', '4-4 – ', 'Tarifs de la cantine'],
    ['4-4 Tarifs de la cantine', '4-4', '4-4 ', 'Tarifs de la cantine'],
    ['18-1 - Budget', '18-1', '18-1 - ', 'Budget'],
    ['2020/078 - Subvention', '2020/078', '2020/078 - ', 'Subvention'],
    ['DCM20161004.19 – Convention', 'DCM20161004.19', 'DCM20161004.19 – ', 'Convention'],
    ['N° 06.2019.01 – INTERCOMMUNALITE', '06.2019.01', 'N° 06.2019.01 – ', 'INTERCOMMUNALITE'],
    ['2019 12 n°01 - Procès Verbal', '2019 12 n°01', '2019 12 n°01 - ', 'Procès Verbal'],
    ['I - APPROBATION DU COMPTE RENDU', 'I', 'I - ', 'APPROBATION DU COMPTE RENDU'],
  ])('« %s »', (heading, label, prefix, title) => {
    expect(readDeliberationHeading(heading)).toMatchObject({ label, prefix, title });
  });

  it('is not fooled by headings without a number', () => {
    expect(readDeliberationHeading('Délibérations')).toBeUndefined();
    expect(readDeliberationHeading('Questions diverses')).toBeUndefined();
  });

  it('knows when the numbering is sequential', () => {
    expect(numberingOf(['1', '2', '3'])).toEqual({ kind: 'entiers', values: [1, 2, 3] });
    expect(numberingOf(['18-1', '18-2', '18-4'])).toEqual({ kind: 'prefixe', prefix: '18-', values: [1, 2, 4] });
    expect(numberingOf(['2020/078', '2020/079'])).toEqual({ kind: 'prefixe', prefix: '2020/', values: [78, 79] });
    expect(numberingOf(['4-4', '5-1', 'DCM1'])).toEqual({ kind: 'libre' });
  });

  it('prints the number as written in the PV, the liste and the extrait', async () => {
    const { session } = await parseText(`---
organisation:
  nom: Commune de Saint-Martin
  forme: commune
date: 2022-06-28
---

## Délibérations

### 2020/078 – Subvention au club

Adopté à l'unanimité

### 2020/079 – Tarifs

Adopté à l'unanimité
`);
    const [first] = session!.deliberations;
    expect(first!.label).toBe('2020/078');
    expect(first!.number.value).toBe(1);
    expect(renderSessionHtml(session!).html).toContain('<span class="number">2020/078 –</span> Subvention au club');
    expect(renderListeDeliberations(session!).html).toContain('<td class="index">2020/079</td>');
    expect(renderExtrait(session!, first!).html).toContain('Délibération n°&nbsp;2020/078');
  });
});
