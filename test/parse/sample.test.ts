import { describe, expect, it } from 'vitest';
import { lineColumn, parsePath, slice } from './helpers.js';

const SAMPLE = 'sessions/2022-06-28-comite-syndical.md';

describe('la séance exemple du 28 juin 2022', async () => {
  const { session, file } = await parsePath(SAMPLE);

  it('se lit sans erreur', () => {
    expect(file.messages.filter((message) => message.fatal)).toEqual([]);
    expect(session).toBeDefined();
  });

  it('a 14 délibérations numérotées, avec leurs titres', () => {
    expect(session!.deliberations.map((d) => d.number.value)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14]);
    expect(session!.deliberations[0]!.title.value).toBe('Compte de gestion 2021');
    expect(session!.deliberations[2]!.title.value).toBe('Affectation du résultat 2021');
    expect(session!.deliberations[5]!.title.value).toBe('Budget supplémentaire 2022');
    expect(session!.deliberations[13]!.title.value).toBe(
      'Adhésion au groupement de commandes ENT sur le territoire régional des Hauts de France',
    );
    expect(session!.deliberations[0]!.slug).toBe('compte-de-gestion-2021');
    expect(session!.deliberations.filter((d) => d.kind === 'compte-administratif').map((d) => d.number.value)).toEqual([
      2,
    ]);
    for (const deliberation of session!.deliberations) {
      expect(deliberation.vote?.outcome).toBe('adoptee');
      expect(deliberation.vote?.unanimous).toBe(true);
    }
  });

  it("sépare l'ouverture du titre « Délibérations »", () => {
    const opening = session!.tree.children.slice(session!.opening.start, session!.opening.end);
    expect(opening.map((node) => node.type)).toEqual(['paragraph', 'paragraph']);
  });

  it('a 5 présents en salle, 8 en téléconférence, 33 excusés', () => {
    expect(session!.attendance.room).toHaveLength(5);
    expect(session!.attendance.remote).toHaveLength(8);
    expect(session!.attendance.excused).toHaveLength(33);
    const first = session!.attendance.room[0]!;
    expect(first.person.name).toBe('PARSIS LAURENT');
    expect(first.person.delegate?.name).toBe('PARSIS Laurent');
    expect(first.proxies.map((p) => p.delegate?.name)).toEqual(['VARLET Philippe']);
    expect(first.voices?.value.toNumber()).toBe(2);
    expect(session!.president?.delegate?.name).toBe('PARSIS Laurent');
    expect(session!.secretaries[0]!.delegate?.name).toBe('DELETRE Margaux');
  });

  it('lit le tableau du point 6 : 6 lignes de 4 colonnes, nombres positionnés', () => {
    const table = session!.tables.find((t) => t.item === 6)!;
    expect(table.header).toHaveLength(4);
    expect(table.rows).toHaveLength(6);
    for (const row of table.rows) expect(row).toHaveLength(4);
    const cell = table.rows[0]![2]!;
    expect(cell.text).toBe('562 480,90');
    expect(slice(session!, cell.number!.position)).toBe('562 480,90');
    expect(cell.annotation?.expression?.value).toBe('solde_002');
  });

  it('positionne les nombres annotés exactement sur le texte tapé', () => {
    const excedent = session!.annotations.find((a) => a.name?.value === 'excedent_bp')!;
    expect(excedent.item).toBe(3);
    expect(excedent.number.raw).toBe('564 614,75 €');
    expect(excedent.number.value.toString()).toBe('564614.75');
    expect(excedent.number.decimals).toBe(2);
    expect(slice(session!, excedent.number.position)).toBe('564 614,75 €');
    const index = session!.source.indexOf('564 614,75 €{#excedent_bp');
    expect(excedent.number.position.start).toMatchObject({ ...lineColumn(session!.source, index), offset: index });
    expect(slice(session!, excedent.expression!.position)).toBe('part_1068 + solde_002');
    expect(excedent.operator).toBe('=');

    const programme = session!.annotations.find((a) => a.name?.value === 'programme_ht')!;
    expect(programme.number.raw).toBe('1 746 700€ HT');
    expect(programme.number.tax).toBe('HT');
    expect(slice(session!, programme.number.position)).toBe('1 746 700€ HT');

    const estimation = session!.annotations.find((a) => a.name?.value === 'estimation_migration')!;
    expect(estimation.operator).toBe('>=');
    expect(estimation.expression?.value).toBe('somme(lot_1; lot_2; lot_3)');

    const taux = session!.annotations.find((a) => a.name?.value === 'taux_emprunt_armoires')!;
    expect(taux.number.unit).toBe('%');
    expect(slice(session!, taux.number.position)).toBe('3%');
    expect(taux.item).toBe(4);
  });

  it('positionne les chiffres annoncés 13, 12, 64 sur les valeurs YAML', () => {
    const { present, represented, voices } = session!.stated;
    expect([present, represented, voices].map((n) => n && slice(session!, n.position))).toEqual(['13', '12', '64']);
    const index = session!.source.indexOf('  presents: 13') + '  presents: '.length;
    expect(present!.position.start).toMatchObject(lineColumn(session!.source, index));
  });

  it("lit l'organisme depuis organisations/somme-numerique.yml", () => {
    expect(session!.organisation.name.value).toBe('Somme Numérique');
    expect(session!.organisation.file).toMatch(/organisations\/somme-numerique\.yml$/u);
    expect(session!.organisation.colleges).toHaveLength(5);
    expect(session!.organisation.quorum).toMatchObject({
      base: 'membres',
      count: 'presents-et-representes',
      fraction: { numerator: 1, denominator: 2 },
    });
    expect(session!.organisation.totalVoices?.value).toBe(104);
    expect(session!.organisation.president?.delegate?.name).toBe('VARLET Philippe');
    expect(file.data.organisationFile?.messages).toEqual([]);
  });
});
