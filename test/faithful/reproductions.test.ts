/**
 * Issue 10, items 1–10: each way text used to vanish, move or change between the session file and the printed
 * documents. Each ends printed in place (the words of the body, in order, in the PV and the extrait) or with a finding
 * at the line where the author wrote it.
 */
import { describe, expect, it } from 'vitest';
import { documentText } from '../../src/html/faithful.js';
import { bodyLine, build, findings, missingInPv } from './helpers.js';

const ITEM_1 = `### 1. Budget primitif

Le Président présente le budget.

Adoptée à l'unanimité
`;

const ITEM_2 = `### 2. Tarifs 2023

Le Président propose les tarifs.

Adoptée à l'unanimité
`;

/** The words of `expected`, in this order, in the text of `html` (other words may come between). */
function inOrder(html: string, ...expected: string[]): void {
  const text = documentText(html);
  let from = 0;
  for (const piece of expected) {
    const at = text.indexOf(piece, from);
    expect(at, `« ${piece} » après la position ${from} de : ${text.slice(from, from + 400)}`).toBeGreaterThanOrEqual(0);
    from = at + piece.length;
  }
}

describe('issue 10: every word of the body is printed in place, or a finding says why', () => {
  it('1. an unnumbered ## section between or after deliberations is printed in place', async () => {
    const built = await build(
      `## Délibérations\n\n${ITEM_1}\n## Informations\n\nLe point sur les travaux.\n\n${ITEM_2}\n## Questions diverses\n\nAucune question.\n\nLa séance est levée à 19h00\n`,
    );
    expect(findings(built)).toEqual([]);
    expect(missingInPv(built)).toEqual([]);
    inOrder(
      built.pv!,
      '1. Budget primitif',
      'Adoptée',
      'Informations Le point sur les travaux.',
      '2. Tarifs 2023',
      'Questions diverses Aucune question.',
      'La séance est levée à 19h00',
    );
    expect(documentText(built.extraits[0]!)).not.toContain('Informations');
  });

  it('2. a paragraph after the closing is printed in place; a closing before the last item is printed in place with a positioned finding', async () => {
    const after = await build(
      `${ITEM_1}\nLa séance est levée à 19h00\n\nLe prochain comité aura lieu le 12 juillet.\n`,
    );
    expect(missingInPv(after)).toEqual([]);
    inOrder(after.pv!, 'La séance est levée à 19h00', 'Le prochain comité aura lieu le 12 juillet.');

    const early = await build(`${ITEM_1}\nLa séance est levée à 19h00\n\n${ITEM_2}`);
    expect(missingInPv(early)).toEqual([]);
    inOrder(early.pv!, '1. Budget primitif', 'La séance est levée à 19h00', '2. Tarifs 2023');
    const [finding] = findings(early);
    expect(finding).toMatchObject({ line: bodyLine(7), fatal: false });
    expect(finding!.reason).toContain('avant la délibération n° 2');
  });

  it('3. a setext heading inside an item keeps the rest of the item and its vote, printed in place, with a positioned finding', async () => {
    const built = await build(
      `### 1. Budget primitif\n\nTexte\n---\n\nLa suite du texte.\n\nAdoptée à l'unanimité\n\n${ITEM_2}\nLa séance est levée à 19h00\n`,
    );
    const deliberation = built.session!.deliberations[0]!;
    expect(deliberation.vote?.text).toBe("Adoptée à l'unanimité");
    expect(missingInPv(built)).toEqual([]);
    inOrder(built.extraits[0]!, 'Budget primitif', 'Texte', 'La suite du texte.', "Adoptée à l'unanimité");
    expect(findings(built)).toEqual([expect.objectContaining({ line: bodyLine(4), column: 1, fatal: false })]);
    expect(findings(built, 'legal-mentions')).toEqual([]);
  });

  it('4. an unclosed comment inside an item is a positioned finding: an error saying the rest of the file is hidden', async () => {
    const built = await build(
      `### 1. Budget primitif\n\nLe budget.\n\n<!-- à relire\n\nAdoptée à l'unanimité\n\n${ITEM_2}`,
    );
    const [finding] = findings(built);
    expect(finding).toMatchObject({ line: bodyLine(5), column: 1, fatal: true });
    expect(finding!.reason).toContain('masque tout le reste du fichier');
  });

  it('5. a list or paragraph after the vote is printed in place, after it; « Approuvés … » after the vote is not the vote', async () => {
    const built = await build(
      `### 1. Tarifs\n\nLe Président propose les tarifs.\n\nAdoptée à l'unanimité.\n\n- Tarif A : 10 €\n- Tarif B : 20 €\n\nApprouvés par le comité, ces tarifs seront publiés.\n`,
    );
    expect(built.session!.deliberations[0]!.vote?.text).toBe("Adoptée à l'unanimité.");
    expect(missingInPv(built)).toEqual([]);
    for (const html of [built.pv!, built.extraits[0]!]) {
      inOrder(
        html,
        'Le Président propose les tarifs.',
        "Adoptée à l'unanimité.",
        'Tarif A : 10 €',
        'Tarif B : 20 €',
        'Approuvés par le comité, ces tarifs seront publiés.',
      );
    }
    inOrder(built.liste!, 'Tarifs', "Adoptée à l'unanimité.");
    expect(documentText(built.liste!)).not.toContain('Approuvés par le comité');
  });

  it('6. a table row wider than its header, or an unescaped | in a cell, is printed in place with a positioned finding', async () => {
    const built = await build(
      `### 1. Budget\n\n| Poste | Montant |\n|---|---|\n| Travaux | 1 000 € | 2 000 € |\n| Études a|b | 500 € |\n\nAdoptée à l'unanimité\n`,
    );
    expect(missingInPv(built)).toEqual([]);
    inOrder(built.pv!, 'Travaux 1 000 € 2 000 €', 'Études a b 500 €');
    expect(findings(built)).toEqual([
      expect.objectContaining({ line: bodyLine(5), column: 23, fatal: false }),
      expect.objectContaining({ line: bodyLine(6), column: 16, fatal: false }),
    ]);
    expect(findings(built)[1]!.reason).toContain('\\|');
  });

  it('7. a line « [Annexe 1]: texte » or a footnote definition « [^1]: texte » is printed in place', async () => {
    const built = await build(
      `### 1. Budget\n\nVoir l'annexe.\n\n[Annexe 1]: budget.pdf\n\n[^1]: note\n\nAdoptée à l'unanimité\n`,
    );
    expect(findings(built)).toEqual([]);
    expect(missingInPv(built)).toEqual([]);
    for (const html of [built.pv!, built.extraits[0]!])
      inOrder(html, "Voir l'annexe.", '[Annexe 1]: budget.pdf', '[^1]: note', 'Adoptée');
  });

  it('8. a hard line break or inline code in a title, a vote or the closing is printed in place, words apart and code kept', async () => {
    const built = await build(
      "### 1. Budget `BP-2023` annexe\n\nTexte.\n\nAdoptée à l'unanimité des\\\nmembres, réf. `V-12`\n\nLa séance est levée à 19h00,\\\nsans autre question\n",
    );
    const deliberation = built.session!.deliberations[0]!;
    expect(deliberation.title.value).toBe('Budget BP-2023 annexe');
    expect(deliberation.vote?.text).toBe("Adoptée à l'unanimité des membres, réf. V-12");
    expect(built.session!.closing?.value).toBe('La séance est levée à 19h00, sans autre question');
    expect(findings(built)).toEqual([]);
    expect(missingInPv(built)).toEqual([]);
    inOrder(
      built.pv!,
      'Budget BP-2023 annexe',
      "Adoptée à l'unanimité des membres, réf. V-12",
      'La séance est levée à 19h00, sans autre question',
    );
    inOrder(built.liste!, 'Budget BP-2023 annexe', "Adoptée à l'unanimité des membres, réf. V-12");

    const br = await build(`### 1. Tarifs<br>2023\n\nTexte.\n\nAdoptée à l'unanimité\n\nLa séance est levée à 19h00\n`);
    expect(br.session!.deliberations[0]!.title.value).toBe('Tarifs 2023');
    expect(findings(br)).toEqual([]);
  });

  it('9. an annotation written with a space inside, « 15 €{ = 15} », is checked and not printed: printed in place without it', async () => {
    const built = await build(`### 1. Budget\n\nLe tarif est de 15 €{ = 15} par poste.\n\nAdoptée à l'unanimité\n`);
    expect(built.session!.annotations).toHaveLength(1);
    expect(documentText(built.pv!)).toContain('Le tarif est de 15 € par poste.');
    expect(documentText(built.pv!)).not.toContain('{');
    expect(missingInPv(built)).toEqual([]);
  });

  it('10. text between « ## Délibérations » and item 1 is printed in place, under the heading printed once', async () => {
    const built = await build(`Ouverture.\n\n## Délibérations\n\nLe président rappelle l'ordre du jour.\n\n${ITEM_1}`);
    expect(missingInPv(built)).toEqual([]);
    const text = documentText(built.pv!);
    expect(text.match(/Délibérations/gu)).toHaveLength(1);
    inOrder(built.pv!, 'Ouverture.', "Délibérations Le président rappelle l'ordre du jour.", '1. Budget primitif');
  });
});
