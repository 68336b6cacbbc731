/**
 * The SCDL « Délibérations » CSV, as a data portal reads it: parsed by an independent CSV parser (csv-parse), each row
 * validated with ajv against the constraints of the vendored Table Schema (docs/schema/scdl-deliberations/schema.json)
 * and the checks Validata adds (SIRET key, ACTES level-1 heading, PREF_DATE after DELIB_DATE). Wrong values are refused.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { parse } from 'csv-parse/sync';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { checkSession } from '../../src/check/engine.js';
import { allRules } from '../../src/check/rules/index.js';
import type { Session } from '../../src/model/types.js';
import { parseSession } from '../../src/parse/parse-session.js';
import { renderSessionHtml } from '../../src/render/index.js';
import { LEVEL_1 } from '../../src/model/actes-nomenclature.js';
import { isValidSiret } from '../../src/model/siret.js';
import { SCDL_COLUMNS, scdlCsv, scdlRows, type ScdlValues } from '../../src/publish/scdl.js';

const root = path.resolve(import.meta.dirname, '../..');

interface TableField {
  name: string;
  type: 'string' | 'date' | 'integer';
  format?: string;
  constraints: { required: boolean; pattern?: string };
}
const tableSchema = JSON.parse(readFileSync(path.join(root, 'docs/schema/scdl-deliberations/schema.json'), 'utf8')) as {
  fields: TableField[];
  missingValues: string[];
};

/** The Table Schema's field constraints as a JSON Schema on one CSV record (every cell a string; "" is missing). */
function rowSchema() {
  const properties: Record<string, unknown> = {};
  for (const field of tableSchema.fields) {
    const present: Record<string, unknown>[] = [];
    if (field.type === 'date') present.push({ format: 'date' });
    if (field.type === 'integer') present.push({ pattern: '^-?\\d+$' });
    if (field.format === 'uri') present.push({ format: 'uri' });
    if (field.constraints.pattern) present.push({ pattern: field.constraints.pattern });
    const valued = { type: 'string', minLength: 1, ...(present.length ? { allOf: present } : {}) };
    properties[field.name] = field.constraints.required ? valued : { anyOf: [{ const: '' }, valued] };
  }
  return { type: 'object', properties, required: tableSchema.fields.map((f) => f.name), additionalProperties: false };
}

// ajv-formats is CommonJS: its default export arrives wrapped under ESM/NodeNext.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (
  ajv: Ajv,
) => Ajv;
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const validateRow = ajv.compile(rowSchema());

/** What Validata adds to the schema's own constraints. */
function customChecks(row: Record<string, string>): string[] {
  const errors: string[] = [];
  if (row.COLL_SIRET && !isValidSiret(row.COLL_SIRET)) errors.push('french-siret-value');
  if (row.DELIB_MATIERE_NOM) {
    const heading = row.DELIB_MATIERE_NOM.split('/')[0]!;
    const known = Object.values(LEVEL_1).map((name) => name.toLocaleLowerCase('fr-FR'));
    if (!known.includes(heading.toLocaleLowerCase('fr-FR'))) errors.push('nomenclature-actes-value');
  }
  if (row.PREF_DATE && row.DELIB_DATE && row.PREF_DATE < row.DELIB_DATE) errors.push('compare-columns-value');
  return errors;
}

function errorsOf(row: Record<string, string>): string[] {
  const schemaErrors = validateRow(row) ? [] : (validateRow.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
  return [...schemaErrors, ...customChecks(row)];
}

async function checked(relative: string): Promise<{ session: Session; file: VFile }> {
  const file = new VFile({ path: relative, value: readFileSync(path.join(root, relative), 'utf8'), cwd: root });
  const session = await parseSession(file);
  if (!session) throw new Error(file.messages.map(String).join('\n'));
  checkSession(session, file, { rules: allRules });
  return { session, file };
}

function records(csv: string): Record<string, string>[] {
  return parse<Record<string, string>>(csv, { columns: true, skip_empty_lines: true });
}

describe('SCDL « Délibérations » CSV', () => {
  it('writes a complete session as rows a portal accepts, with the verified figures of each item', async () => {
    const { session, file } = await checked('test/fixtures/publication/seance-publiee.md');
    const rows = scdlRows(session, file.messages);
    expect(rows.flatMap((row) => row.problems)).toEqual([]);
    const csv = scdlCsv(rows.map((row) => row.values));
    expect(csv.split('\n')[0]).toBe(tableSchema.fields.map((field) => field.name).join(','));
    expect(SCDL_COLUMNS).toEqual(tableSchema.fields.map((field) => field.name));
    const parsed = records(csv);
    expect(parsed).toHaveLength(2);
    for (const row of parsed) expect(errorsOf(row)).toEqual([]);
    expect(parsed[0]).toEqual({
      COLL_NOM: 'Syndicat exemple',
      COLL_SIRET: '21860194600013',
      DELIB_ID: '2022-3-1',
      DELIB_DATE: '2022-06-28',
      DELIB_MATIERE_CODE: '7.1',
      DELIB_MATIERE_NOM: 'finances locales/décisions budgétaires',
      DELIB_OBJET: 'Budget supplémentaire 2022',
      BUDGET_ANNEE: '2022',
      BUDGET_NOM: "Budget annexe de l'eau",
      PREF_ID: '',
      PREF_DATE: '',
      // 5 delegates in office; 3 present + 1 proxy voted; 3 for, 1 abstention (the sentence accounts for all 4).
      VOTE_EFFECTIF: '5',
      VOTE_REEL: '4',
      VOTE_POUR: '3',
      VOTE_CONTRE: '0',
      VOTE_ABSTENTION: '1',
      DELIB_URL: 'https://www.exemple.fr/deliberations/seance-publiee/extraits/01-budget-supplementaire-2022.pdf',
    });
    // A comma and quotes in the title survive the CSV quoting.
    expect(parsed[1]!.DELIB_OBJET).toBe("Adhésion à l'association des élus, « numérique & territoires »");
    expect(parsed[1]).toMatchObject({
      DELIB_MATIERE_NOM: 'institutions et vie politique/intercommunalité',
      BUDGET_ANNEE: '',
      VOTE_POUR: '4',
      VOTE_CONTRE: '0',
      VOTE_ABSTENTION: '0',
    });
  });

  it('counts, at each item, who votes there (a withdrawal), and publishes no figure the vote check refuses', async () => {
    const text = readFileSync(path.join(root, 'test/fixtures/publication/seance-publiee.md'), 'utf8')
      .replace(
        'absents: [LEROY Marc]\n',
        'absents: [LEROY Marc]\nmouvements:\n  - { retrait: BERNARD Claire, point: 2 }\n',
      )
      .replace('Adoptée par 3 voix pour et 1 abstention', 'Adoptée par 3 voix pour et 2 abstentions');
    const file = new VFile({ path: 'sessions/seance.md', value: text, cwd: root });
    const session = (await parseSession(file))!;
    checkSession(session, file, { rules: allRules });
    const [first, second] = scdlRows(session, file.messages);
    // 3 + 2 = 5 votes for 4 voters: vote-count refuses them, so they are not published, and the CSV says why.
    expect(file.messages.some((m) => m.ruleId === 'vote-count')).toBe(true);
    expect(first!.values).toMatchObject({ VOTE_REEL: '4', VOTE_POUR: '', VOTE_CONTRE: '', VOTE_ABSTENTION: '' });
    expect(first!.problems.map((p) => p.message)).toEqual([
      expect.stringMatching(/le contrôle du vote y signale une erreur/u),
    ]);
    // BERNARD Claire withdraws from item 2: 3 voters, and the unanimity is theirs.
    expect(second!.values).toMatchObject({
      VOTE_EFFECTIF: '5',
      VOTE_REEL: '3',
      VOTE_POUR: '3',
      VOTE_CONTRE: '0',
      VOTE_ABSTENTION: '0',
    });
  });

  it('prints nothing of the matière comments in the PV', async () => {
    const { session } = await checked('test/fixtures/publication/seance-publiee.md');
    const html = renderSessionHtml(session).html;
    expect(html).toContain('Budget supplémentaire 2022');
    expect(html).not.toMatch(/mati[eè]re|Budget annexe de l'eau|7\.1/u);
  });

  it('writes the sample session with its empty required fields reported, and the figures of each item', async () => {
    const { session, file } = await checked('sessions/2022-06-28-comite-syndical.md');
    const rows = scdlRows(session, file.messages);
    expect(rows).toHaveLength(session.deliberations.length);
    const columns = new Set(rows.flatMap((row) => row.problems.filter((p) => p.required).map((p) => p.column)));
    expect([...columns].sort()).toEqual(['COLL_SIRET', 'DELIB_MATIERE_CODE']);
    const ca = rows.find((row) => /compte administratif/iu.test(row.values.DELIB_OBJET))!;
    const other = rows.find((row) => row !== ca)!;
    // As the PV's documents say: 24 voters (63 voix) for the compte administratif, 25 (64 voix) elsewhere; 44 seats.
    expect(ca.values).toMatchObject({
      VOTE_EFFECTIF: '44',
      VOTE_REEL: '24',
      VOTE_POUR: '63',
      BUDGET_ANNEE: '2021',
      DELIB_ID: '2022-06-28-2',
    });
    expect(other.values).toMatchObject({ VOTE_EFFECTIF: '44', VOTE_REEL: '25', VOTE_POUR: '64' });
    for (const row of records(scdlCsv(rows.map((r) => r.values)))) {
      expect(errorsOf(row).some((error) => /COLL_SIRET|DELIB_MATIERE_CODE/u.test(error))).toBe(true);
    }
  });

  describe('refuses wrong values', () => {
    let good: ScdlValues;
    it.each([
      ['COLL_SIRET', '2186019460001', /COLL_SIRET/u], // 13 digits: the schema's motif
      ['COLL_SIRET', '21860194600014', /french-siret-value/u], // 14 digits, wrong Luhn key
      ['DELIB_DATE', '2022-02-30', /DELIB_DATE/u], // no such day
      ['DELIB_DATE', '28/06/2022', /DELIB_DATE/u], // not AAAA-MM-JJ
      ['DELIB_MATIERE_CODE', '7', /DELIB_MATIERE_CODE/u], // level 1 only
      ['VOTE_POUR', '3,5', /VOTE_POUR/u],
      ['DELIB_URL', 'pas une adresse', /DELIB_URL/u],
      ['PREF_DATE', '2022-06-01', /compare-columns-value/u], // before the deliberation
    ])('%s = %s', async (column, value, error) => {
      if (!good) {
        const { session, file } = await checked('test/fixtures/publication/seance-publiee.md');
        good = scdlRows(session, file.messages)[0]!.values;
      }
      const row = records(scdlCsv([{ ...good, [column]: value }]))[0]!;
      expect(errorsOf(row).join('\n')).toMatch(error);
    });
  });

  it('refuses an organisation whose SIRET fails its key, at the value, in French', async () => {
    const text = readFileSync(path.join(root, 'test/fixtures/publication/seance-publiee.md'), 'utf8').replace(
      '"21860194600013"',
      '"21860194600014"',
    );
    const file = new VFile({ path: 'sessions/x.md', value: text, cwd: root });
    expect(await parseSession(file)).toBeUndefined();
    const message = file.messages.find((m) => m.ruleId === 'parse-schema')!;
    expect(message.reason).toMatch(/SIRET « 21860194600014 » n'est pas valide : sa clé de contrôle/u);
    expect(message.line).toBe(4);
  });
});
