import { describe, expect, it } from 'vitest';
import { findings, parsePath, parseText, slice } from './helpers.js';

describe('séance minimale', async () => {
  const { session, file } = await parsePath('test/fixtures/ok/minimal.md');

  it('se lit sans constat', () => {
    expect(findings(file)).toEqual([]);
    expect(session?.id).toBe('minimal');
    expect(session?.path).toBe('test/fixtures/ok/minimal.md');
  });

  it('résout les personnes et leurs voix', () => {
    const [dupont, leroy] = session!.attendance.room;
    expect(dupont!.person.delegate).toMatchObject({
      name: 'DUPONT Jean',
      college: 'departement',
      voices: 3,
      civilite: 'M.',
    });
    expect(leroy!.person.delegate?.voices).toBe(2);
    const [durand] = session!.attendance.remote;
    // College without stated voices: 1.
    expect(durand!.person.delegate?.voices).toBe(1);
    expect(durand!.voices?.raw).toBe('1');
    expect(slice(session!, durand!.voices!.position)).toBe('1');
    expect(session!.attendance.absent.map((p) => p.delegate?.name)).toEqual(['PETIT Louis']);
    expect(session!.secretaries[0]!.delegate?.name).toBe('LEROY Claire');
    expect(session!.instance.value).toBe('Comité syndical');
    expect(session!.instance.file).toBe('test/fixtures/organisations/exemple.yml');
    expect(session!.mode.value).toBe('mixte');
  });

  it('lit la délibération, le vote et la levée de séance', () => {
    expect(session!.deliberations).toHaveLength(1);
    expect(session!.deliberations[0]!.vote).toMatchObject({ outcome: 'adoptee', unanimous: true, ballot: 'ordinaire' });
    expect(session!.closing).toMatchObject({ value: 'La séance est levée à 19h15', time: '19h15' });
    const body = session!.tree.children.slice(
      session!.deliberations[0]!.children.start,
      session!.deliberations[0]!.children.end,
    );
    expect(body.map((node) => node.type)).toEqual(['paragraph', 'paragraph']);
  });
});

describe('séance complète', async () => {
  const { session, file } = await parsePath('test/fixtures/ok/complet.md');

  it('se lit sans constat', () => {
    expect(findings(file)).toEqual([]);
    expect(session).toBeDefined();
  });

  it("lit l'en-tête entier", () => {
    expect(session!.instance.value).toBe('Bureau syndical');
    expect(session!.time?.value).toBe('9h');
    expect(session!.convocation?.value).toBe('2023-03-01');
    expect(session!.previousMinutesApproved?.value).toBe('2023-01-10');
    expect(session!.ordonnateur?.delegate?.name).toBe('MARTIN Anne');
    expect(session!.attendance.room[0]!.proxies.map((p) => p.name)).toEqual(['MARTIN Anne', 'PETIT Louis']);
    expect(session!.attendance.room[0]!.voices?.value.toString()).toBe('4.5');
    expect(session!.attendance.remote[0]!.substituteFor?.delegate?.name).toBe('MOREAU Julie');
    expect(session!.attendance.movements.map((m) => [m.kind, m.person.name, m.item.value, m.proxyTo?.name])).toEqual([
      ['arrivee', 'PETIT Louis', 2, undefined],
      ['depart', 'LEROY Claire', 3, 'DUPONT Jean'],
      ['retrait', 'MARTIN Anne', 2, undefined],
    ]);
    expect(session!.stated.inOffice?.value.toNumber()).toBe(6);
    expect(session!.stated.quorumReached?.value).toBe(true);
    expect(session!.ruleSettings).toEqual({ 'attendance-name-variant': 'off', quorum: 'warn' });
  });

  it('lit les votes sous toutes leurs formes', () => {
    const [first, second, third] = session!.deliberations;
    expect(first!.kind).toBe('compte-administratif');
    expect(first!.vote).toMatchObject({ majority: 'absolue', unanimous: false });
    expect(
      [first!.vote!.for, first!.vote!.against, first!.vote!.abstentions, first!.vote!.notVoting].map((n) => n?.raw),
    ).toEqual(['5', '1', '2', '1']);
    expect(slice(session!, first!.vote!.notVoting!.position)).toBe('1');
    expect(second!.vote).toMatchObject({ outcome: 'rejetee', ballot: 'secret' });
    expect([second!.vote!.for?.raw, second!.vote!.against?.raw]).toEqual(['2', '4']);
    expect(third!.vote?.text).toBe('Adoptés');
    expect(
      [
        third!.vote!.for,
        third!.vote!.against,
        third!.vote!.abstentions,
        third!.vote!.notVoting,
        third!.vote!.blank,
      ].map((n) => n?.raw),
    ).toEqual(['6', '0', '1', '0', '2']);
    expect(slice(session!, third!.vote!.blank!.position)).toBe('2');
  });

  it('lit les annotations, tolérance comprise, et les tableaux', () => {
    const estimate = session!.annotations.find((a) => a.operator === '≈')!;
    expect(estimate.expression?.value).toBe('economies');
    expect(estimate.tolerance?.value.toNumber()).toBe(10);
    expect(estimate.tolerance?.unit).toBe('%');
    expect(slice(session!, estimate.tolerance!.position)).toBe('10 %');
    const [table] = session!.tables;
    expect(table!.item).toBe(3);
    expect(table!.rows.map((row) => row[1]!.text)).toEqual(['1 000,00 € HT', '500,00 €', '1 500,00 €']);
    expect(table!.rows[0]![1]!.number).toMatchObject({ tax: 'HT', unit: '€', raw: '1 000,00 € HT' });
    expect(table!.rows[2]![1]!.annotation?.expression?.value).toBe('chaussee + trottoirs');
  });

  it('lit les commentaires qui font taire des règles', () => {
    const line = (text: string) => session!.source.split('\n').findIndex((l) => l.includes(text)) + 1;
    expect(session!.disabled).toEqual([
      { ruleIds: ['attendance-name-variant'], from: line('organisation: exemple'), to: line('organisation: exemple') },
      { ruleIds: ['table-total'], from: line('Texte silencieux.'), to: line('Texte silencieux.') },
      { ruleIds: ['arithmetic'], from: line('minutier-disable arithmetic'), to: line('minutier-enable arithmetic') },
    ]);
  });
});

describe("organisme écrit dans l'en-tête", () => {
  it('se lit et garde ses positions dans la séance', async () => {
    const text = [
      '---',
      'organisation:',
      '  nom: Commune de Test',
      '  instance: Conseil municipal',
      '  delegues:',
      '    - { nom: DUPONT Jean, voix: 1 }',
      'date: 2023-03-14',
      'heure: 18h00',
      'lieu: à la mairie',
      'president: Jean DUPONT',
      '---',
      '',
      'Texte.',
      '',
    ].join('\n');
    const { session, file } = await parseText(text);
    expect(findings(file)).toEqual([]);
    expect(session!.organisation.name.value).toBe('Commune de Test');
    expect(session!.organisation.name.file).toBeUndefined();
    expect(slice(session!, session!.organisation.name.position)).toBe('Commune de Test');
    expect(session!.organisation.quorum).toMatchObject({
      base: 'membres',
      count: 'presents',
      fraction: { numerator: 1, denominator: 2 },
    });
    expect(session!.organisation.proxies.maxPerHolder).toBe(1);
    expect(session!.organisation.convocationDays.value).toBe(5);
    expect(session!.president?.delegate?.name).toBe('DUPONT Jean');
    expect(session!.instance.value).toBe('Conseil municipal');
    expect(session!.mode.value).toBe('presentiel');
  });
});

describe("chargeur d'organisme", () => {
  it('met les organismes en cache pour la durée du traitement', async () => {
    const { loadOrganisation } = await import('../../src/parse/index.js');
    const first = await loadOrganisation('exemple', 'test/fixtures/ok');
    const second = await loadOrganisation('exemple', 'test/fixtures/bad');
    expect(first.organisation).toBeDefined();
    expect(second).toBe(first);
  });

  it('accepte un chargeur fourni', async () => {
    const { parseSession, loadOrganisation } = await import('../../src/parse/index.js');
    const { VFile } = await import('vfile');
    const calls: string[] = [];
    const file = new VFile({
      path: '/nulle-part/seance.md',
      value: '---\norganisation: exemple\ndate: 2023-03-14\nheure: 18h00\nlieu: ici\npresident: DUPONT Jean\n---\n',
    });
    const session = await parseSession(file, {
      organisationLoader: async (id, fromDir) => {
        calls.push(`${id} ${fromDir}`);
        return loadOrganisation(id, 'test/fixtures/ok');
      },
    });
    expect(calls).toEqual(['exemple /nulle-part']);
    expect(session?.organisation.id).toBe('exemple');
  });
});
