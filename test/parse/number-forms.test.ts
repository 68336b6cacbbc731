/**
 * Numbers as published PVs write them (issue 10, items 20–21): each form is read to its exact value — with a
 * `parse-number-format` note when it departs from the French convention — or refused with the reason (`parse-number`).
 * Then the same forms in a session: a table's TOTAL row checked through them, findings positioned at the number.
 */
import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { isRead, readNumber, scanNumbers } from '../../src/model/numbers.js';
import { allRules, checkSession } from '../../src/check/index.js';
import { parseSession } from '../../src/parse/parse-session.js';
import { VFile } from 'vfile';
import path from 'node:path';

type Expected =
  { value: string; decimals: number; unit?: '€' | '%'; tax?: 'HT' | 'TTC'; note?: RegExp } | { error: RegExp };

/** The corpus: each text as written in a published PV (or a table cell), and what it must give. */
const CORPUS: Array<[string, Expected]> = [
  // The French convention: read, no note.
  ['1 204 518,37', { value: '1204518.37', decimals: 2 }],
  ['564 614,75 €', { value: '564614.75', decimals: 2, unit: '€' }],
  ['1\u00A0746\u00A0700 € HT', { value: '1746700', decimals: 0, unit: '€', tax: 'HT' }],
  ['320\u202F319,16', { value: '320319.16', decimals: 2 }],
  ['320\u2009319,16', { value: '320319.16', decimals: 2 }],
  ['1,234', { value: '1.234', decimals: 3 }],
  ['−12,5', { value: '-12.5', decimals: 1 }],
  ['-12,5', { value: '-12.5', decimals: 1 }],
  ['–12,5', { value: '-12.5', decimals: 1 }],
  ['+12,5', { value: '12.5', decimals: 1 }],
  ['16,404 %', { value: '16.404', decimals: 3, unit: '%' }],
  // Point decimals: read, with a note.
  [
    '1 204 518.37',
    {
      value: '1204518.37',
      decimals: 2,
      note: /« 1 204 518\.37 » est lu 1 204 518,37 : en français, la virgule marque les décimales/u,
    },
  ],
  ['12.5', { value: '12.5', decimals: 1, note: /la virgule marque les décimales/u }],
  ['0.234', { value: '0.234', decimals: 3, note: /la virgule marque les décimales/u }],
  ['1234.567', { value: '1234.567', decimals: 3, note: /la virgule marque les décimales/u }],
  ['3.50 €', { value: '3.5', decimals: 2, unit: '€', note: /est lu 3,50 € :/u }],
  // Dot thousands: read, with a note.
  [
    '6.482.105,40',
    {
      value: '6482105.40',
      decimals: 2,
      note: /« 6\.482\.105,40 » est lu 6 482 105,40 : en français, les milliers sont séparés par une espace/u,
    },
  ],
  ['512.904,18', { value: '512904.18', decimals: 2, note: /les milliers sont séparés par une espace/u }],
  ['6.482.105', { value: '6482105', decimals: 0, note: /les milliers sont séparés par une espace/u }],
  ['1.234,5 €', { value: '1234.5', decimals: 1, unit: '€', note: /est lu 1 234,5 €/u }],
  // English separators: read, with a note.
  ['1,234.56', { value: '1234.56', decimals: 2, note: /écrit à l'anglaise/u }],
  ['1,234,567', { value: '1234567', decimals: 0, note: /écrit à l'anglaise/u }],
  // A sign separated by a space: read as a sign, with a note.
  [
    '- 318 402,56',
    {
      value: '-318402.56',
      decimals: 2,
      note: /« - 318 402,56 » est lu −318 402,56 : le signe s'écrit collé au nombre/u,
    },
  ],
  ['+ 512.904,18', { value: '512904.18', decimals: 2, note: /le signe s'écrit collé au nombre/u }],
  ['− 7,40 €', { value: '-7.4', decimals: 2, unit: '€', note: /le signe s'écrit collé/u }],
  ['– 7,40', { value: '-7.4', decimals: 2, note: /le signe s'écrit collé/u }],
  // A dash alone in a table cell: zero.
  ['-', { value: '0', decimals: 0 }],
  ['- €', { value: '0', decimals: 0, unit: '€' }],
  ['–', { value: '0', decimals: 0 }],
  ['—', { value: '0', decimals: 0 }],
  ['−\u00A0€', { value: '0', decimals: 0, unit: '€' }],
  // Ambiguous or unreadable: an error with the reason.
  [
    '1.234',
    {
      error:
        /« 1\.234 » est ambigu : 1 234 \(le point séparant les milliers\) ou 1,234 \(le point marquant les décimales\)/u,
    },
  ],
  ['512.904 €', { error: /« 512\.904 € » est ambigu/u }],
  ['- 1.234', { error: /est ambigu/u }],
  ['28.06.2022', { error: /« 28\.06\.2022 » n'est pas un nombre lisible/u }],
  ['1.234.56', { error: /n'est pas un nombre lisible/u }],
  ['1,23,456', { error: /n'est pas un nombre lisible/u }],
];

describe('readNumber: every published form read exactly, or refused with the reason', () => {
  it.each(CORPUS)('%j', (text, expected) => {
    const found = readNumber(text);
    expect(found, text).toBeDefined();
    const read = found!;
    if ('error' in expected) {
      expect(isRead(read)).toBe(false);
      if (!isRead(read)) expect(read.reason).toMatch(expected.error);
      return;
    }
    expect(isRead(read), isRead(read) ? '' : read.reason).toBe(true);
    if (!isRead(read)) return;
    expect(read.value.equals(new Decimal(expected.value)), `${read.value.toFixed()} ≠ ${expected.value}`).toBe(true);
    expect(read.decimals).toBe(expected.decimals);
    expect(read.unit).toBe(expected.unit);
    expect(read.tax).toBe(expected.tax);
    if (expected.note) expect(read.notes.join(' ')).toMatch(expected.note);
    else expect(read.notes).toEqual([]);
  });

  it.each(['Total', 'Lot 2', 'Investissement', '', 'n° 3', '12 agents'])('%j is a label, not a number', (text) => {
    expect(readNumber(text)).toBeUndefined();
  });
});

describe('scanNumbers: the same forms inside a sentence', () => {
  it('reads each number where it stands, with its index', () => {
    const text = 'un total de 1 204 518.37 € dont 512.904,18 € et un solde : - 318 402,56 € (n°2021-1465)';
    const found = scanNumbers(text);
    expect(found.map((n) => n.raw)).toEqual(['1 204 518.37 €', '512.904,18 €', '- 318 402,56 €', '2021', '1465']);
    for (const n of found) expect(text.slice(n.index, n.index + n.raw.length)).toBe(n.raw);
    expect(found.every(isRead)).toBe(true);
  });

  it('a spaced dash after a word is punctuation, not a minus sign (« EIFFAGE – 156 248,91 € »); a hyphen there says so', () => {
    const lot = scanNumbers('Lot 1 : EIFFAGE – 156 248,91€ HT').at(-1);
    expect(lot!.raw).toBe('156 248,91€ HT');
    expect(isRead(lot!) && lot.value.toFixed()).toBe('156248.91');
    expect(isRead(lot!) && lot.notes).toEqual([]);
    const [solde] = scanNumbers('un solde de - 318 402,56 €');
    expect(isRead(solde!) && solde.value.toFixed()).toBe('318402.56');
    expect(isRead(solde!) && solde.notes.join(' ')).toMatch(
      /lu comme une ponctuation, le nombre comme positif ; pour un nombre négatif, écrivez « −318 402,56 € »/u,
    );
    const [start] = scanNumbers('- 318 402,56 €');
    expect(isRead(start!) && start.value.toFixed()).toBe('-318402.56');
  });

  it('never reads the last group of a point-decimal number alone (1 204 518.37 is not 37)', () => {
    const found = scanNumbers('soit 1 204 518.37');
    expect(found).toHaveLength(1);
    expect(isRead(found[0]!) && found[0].value.toFixed()).toBe('1204518.37');
  });
});

// ─── In a session ────────────────────────────────────────────────────────────────────────────────────────────────

const organisation = path.resolve(import.meta.dirname, '../fixtures/ok/minimal.md');

async function check(body: string) {
  const { readFile } = await import('node:fs/promises');
  const minimal = await readFile(organisation, 'utf8');
  const text = minimal.replace(/Le budget s'élève[^\n]*\n/u, `${body}\n`);
  const file = new VFile({ path: organisation, value: text, cwd: process.cwd() });
  const session = await parseSession(file);
  if (session) checkSession(session, file, { rules: allRules });
  const lines = text.split('\n');
  return {
    session,
    messages: file.messages,
    /** The text a finding points at. */
    at: (message: (typeof file.messages)[number]) => {
      const start = message.place && 'start' in message.place ? message.place.start : undefined;
      const end = message.place && 'end' in message.place ? message.place.end : undefined;
      if (!start || !end || start.line !== end.line) return undefined;
      return lines[start.line - 1]!.slice(start.column - 1, end.column - 1);
    },
  };
}

describe('numbers in a session: read, positioned, and the table total checked', () => {
  it('a table written with dot thousands is read: its wrong TOTAL row is found, each cell noted at its number', async () => {
    const { messages, at } = await check(
      [
        '| Poste | Montant |',
        '|---|---|',
        '| Travaux | 6.482.105,40 |',
        '| Études | 512.904,18 |',
        '| TOTAL | 6.995.009,50 |',
      ].join('\n'),
    );
    const total = messages.find((m) => m.ruleId === 'table-total-row');
    expect(total, messages.map((m) => `${m.ruleId}: ${m.reason}`).join('\n')).toBeDefined();
    expect(at(total!)).toBe('6.995.009,50');
    const notes = messages.filter((m) => m.ruleId === 'parse-number-format');
    expect(notes.map(at)).toEqual(['6.482.105,40', '512.904,18', '6.995.009,50']);
    expect(notes.every((m) => m.fatal === false)).toBe(true);
  });

  it('a correct table in those forms passes, a dash counting as zero', async () => {
    const { messages } = await check(
      [
        '| Poste | Montant |',
        '|---|---|',
        '| Travaux | 6.482.105,40 |',
        '| Études | - 512.904,18 |',
        '| Divers | - € |',
        '| TOTAL | 5.969.201,22 |',
      ].join('\n'),
    );
    expect(messages.filter((m) => m.ruleId === 'table-total-row')).toEqual([]);
    expect(messages.filter((m) => m.fatal)).toEqual([]);
  });

  it('an ambiguous cell is an error at the cell, saying the total cannot be checked', async () => {
    const { session, messages, at } = await check(
      ['| Poste | Montant |', '|---|---|', '| Travaux | 1.234 |', '| TOTAL | 1 234 |'].join('\n'),
    );
    // The session is still read, checked and built: only the number is left out.
    expect(session).toBeDefined();
    const error = messages.find((m) => m.ruleId === 'parse-number');
    expect(error).toBeDefined();
    expect(error!.fatal).toBe(true);
    expect(at(error!)).toBe('1.234');
    expect(error!.reason).toMatch(/ambigu.*les totaux de ce tableau qui l'incluent ne sont pas vérifiés/su);
  });

  it('a cell with digits and text in a column of numbers, in a table with a total, is said to be left out of it', async () => {
    const { messages, at } = await check(
      [
        '| Poste | Montant |',
        '|---|---|',
        '| Travaux | 1 200,00 € (1) |',
        '| Études | 300,00 € |',
        '| TOTAL | 1 500,00 € |',
      ].join('\n'),
    );
    const warning = messages.find((m) => m.ruleId === 'parse-number-format');
    expect(warning?.reason).toBe(
      "« 1 200,00 € (1) » n'est pas lu comme un nombre (du texte l'accompagne) : les totaux de ce tableau (colonne « Montant ») ne le comptent pas. " +
        'Écrivez le nombre seul dans la cellule, et le reste dans une autre colonne ou sous le tableau.',
    );
    expect(warning?.fatal).toBe(false);
    // At the cell.
    expect(at(warning!)).toContain('1 200,00 € (1)');
    expect(at(warning!)).not.toContain('Travaux');
  });

  it('an annotated point-decimal number is read whole (not 37) and noted; an ambiguous one is an error, not a guess', async () => {
    const { messages, at } = await check(
      "Le budget s'élève à 1 204 518.37 €{#budget = 1 204 518,37}.\n\nLe solde est de 1.234 €{#solde}.",
    );
    expect(messages.filter((m) => m.ruleId === 'relation-holds')).toEqual([]);
    const note = messages.find((m) => m.ruleId === 'parse-number-format');
    expect(at(note!)).toBe('1 204 518.37 €');
    const error = messages.find((m) => m.ruleId === 'parse-number');
    expect(at(error!)).toBe('1.234 €');
    expect(error!.reason).toMatch(/est ambigu/u);
  });
});

describe('22. `voix: 1,5` unquoted in a YAML flow mapping', () => {
  it('says that the comma split the number, at the number, and how to write it — not « Clé inconnue « 5 » »', async () => {
    const { readFile } = await import('node:fs/promises');
    const minimal = await readFile(organisation, 'utf8');
    const text = minimal.replace('{ nom: LEROY Claire, voix: 2 }', '{ nom: LEROY Claire, voix: 1,5 }');
    const file = new VFile({ path: organisation, value: text, cwd: process.cwd() });
    await parseSession(file);
    expect(file.messages.map((m) => m.reason).join('\n')).not.toMatch(/Clé inconnue/u);
    const message = file.messages.find((m) => m.ruleId === 'parse-number');
    expect(message?.reason).toBe(
      '« voix: 1,5 » : entre accolades { … }, la virgule sépare les clés, et YAML lit « voix: 1 » puis une clé « 5 ». ' +
        'Pour le nombre 1,5, écrivez-le entre guillemets : voix: "1,5".',
    );
    const line = text.split('\n')[message!.line! - 1]!;
    expect(line.slice(message!.column! - 1, (message!.place as { end: { column: number } }).end.column - 1)).toBe(
      '1,5',
    );
  });
});
