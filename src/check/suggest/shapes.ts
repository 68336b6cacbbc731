/**
 * The relation shapes a procès-verbal asserts between its numbers, found from the words and the layout alone:
 * a sum announced by its words or laid out as a list, HT ↔ TTC, a percentage of an amount, a unit cost, the FCTVA of
 * an expense, a loan's annual charge, an amount quoted again. Each candidate says which number it is about (the
 * target), which numbers it uses (operands), how to write it in the annotation language, and whether its words are
 * strong enough to report a near miss as a warning.
 */
import { Decimal } from 'decimal.js';
import { totalKind } from '../arith/tables.js';
import { parseFrenchNumber } from '../../model/numbers.js';
import { fold, type DeliberationNumbers, type Num } from './numbers.js';

export type Shape = 'somme' | 'ttc' | 'pourcentage' | 'par-unite' | 'fctva' | 'emprunt' | 'reprise';

export interface Candidate {
  shape: Shape;
  /** Candidates of one group are ways of writing the same relation (TVA rates, loan periodicities): one report. */
  group?: string;
  target: Num;
  operands: Num[];
  /** The expression, given how to refer to each operand. */
  expression(ref: (num: Num) => string): string;
  /**
   * When the words say the relation must hold (« scindé en », « soit un total de », HT/TTC side by side): a near miss
   * is reported as a warning. Otherwise only an exact match is reported (as a suggestion).
   */
  strong: boolean;
  /** How far a near miss may be, relative to the target (0,05 = 5 %). */
  near: number;
  /** The words that announced the relation, quoted in the message. */
  cue: string;
  /** The relation between the target and the expression; '=' unless said (an estimate covers its lots: '>='). */
  operator?: '=' | '>=' | '<=';
  /** Whether the suggested annotation names the target (`{#nom = …}`) or not (`{= …}`). */
  named: boolean;
  /** Another way to write the same relation on another number when the target already carries a relation. */
  alternative?: () => Candidate | undefined;
  /** A message replacing the generic one for a near miss (FCTVA computed on the HT amount). */
  explain?: string;
}

const sum = (ref: (num: Num) => string, nums: Num[]) => nums.map(ref).join(' + ');

function taxCompatible(a: Num, b: Num): boolean {
  return !a.tax || !b.tax || a.tax === b.tax;
}

/** Cells that the table rules check already: total rows and total columns. */
function inTableTotal(num: Num): boolean {
  return (
    num.table !== undefined &&
    (totalKind(num.table.rowLabel) !== undefined || totalKind(num.table.header) !== undefined)
  );
}

function sumCandidate(target: Num, parts: Num[], strong: boolean, cue: string, near: number): Candidate {
  return {
    shape: 'somme',
    target,
    operands: parts,
    expression: (ref) => sum(ref, parts),
    strong,
    near,
    cue,
    named: true,
    alternative: () => {
      const last = parts.at(-1);
      if (!last || parts.length < 1) return undefined;
      const others = parts.slice(0, -1);
      return {
        shape: 'somme',
        target: last,
        operands: [target, ...others],
        expression: (ref) => [ref(target), ...others.map(ref)].join(' - '),
        strong: false,
        near: 0,
        cue,
        named: true,
      };
    },
  };
}

const PARTITION = /(scind|reparti|repartit|decompos|ventil|decoup|se partag|partage en|divise en|comprend|compose)/u;
const WEAK_LIST = /(comme suit|suivante?s?|ci-dessous|ci-apres|:\s*$)/u;
const TOTAL_AFTER = /^\s*(soit|pour)?\s*(un|le|au)?\s*(total|montant total|montant global|cout total|ensemble)/u;
const INLINE_TOTAL =
  /(soit un total de|soit au total|soit un montant total de|pour un montant (global|total) de|pour un total de|au total|soit un cout total de|soit un ensemble de|soit en tout|au global)\s*$/u;
const PER = /^[\s\u00A0\u202F]*(?:€[\s\u00A0\u202F]*)?(?:HT|TTC)?[\s\u00A0\u202F]*(?:par|\/)[\s\u00A0\u202F]*(\p{L}+)/u;

/** Every candidate relation of one deliberation, most specific shapes first. */
export function candidates(deliberation: DeliberationNumbers, earlier: DeliberationNumbers[]): Candidate[] {
  const { nums, blocks } = deliberation;
  const out: Candidate[] = [];
  const amounts = nums.filter((num) => num.kind === 'amount' && !num.number.value.isZero());

  // ── Loan: an annual charge beside the loan's capital, duration and rate.
  for (const charge of amounts) {
    const label = fold(charge.table?.rowLabel ?? charge.before);
    if (!/(charge annuelle|annuite|remboursement annuel|echeance annuelle)/u.test(label)) continue;
    const capital = [...amounts]
      .reverse()
      .find((num) => num.order < charge.order && /emprunt|pret\b/u.test(fold(num.table?.rowLabel ?? num.before)));
    if (!capital) continue;
    const near = (num: Num) =>
      num.block === capital.block ||
      (num.table && capital.table && num.table.table === capital.table.table && num.table.row === capital.table.row);
    const years = nums.find((num) => near(num) && num.kind === 'other' && /^[\s\u00A0\u202F]*ans?\b/u.test(num.after));
    const rate = nums.find((num) => near(num) && num.kind === 'percent');
    if (!years || !rate) continue;
    const perYear = [12, 1, 4, 2];
    out.push(
      ...perYear.map((k) => ({
        shape: 'emprunt' as const,
        group: `emprunt:${charge.start}`,
        target: charge,
        operands: [capital, rate, years],
        expression: (ref: (num: Num) => string) => `annuite(${ref(capital)}; ${ref(rate)}; ${ref(years)}; ${k})`,
        strong: k === 12,
        near: 0.01,
        cue:
          k === 12
            ? 'charge annuelle d’un emprunt (échéances mensuelles supposées : le PV ne dit pas la périodicité)'
            : 'charge annuelle d’un emprunt',
        named: false,
      })),
    );
  }

  // ── FCTVA: a share of a TTC expense.
  for (const fctva of amounts) {
    if (!/fctva/u.test(fold(fctva.table?.rowLabel ?? fctva.before))) continue;
    const ttc = amounts.filter((num) => num.tax === 'TTC' && num.number.value.gt(fctva.number.value));
    const ht = amounts.filter((num) => num.tax === 'HT' && num.number.value.gt(fctva.number.value));
    for (const base of [...ttc].reverse()) {
      const onHt = ht.find(
        (h) =>
          h.number.value.mul('0.164').eq(fctva.number.value) || h.number.value.mul('0.16404').eq(fctva.number.value),
      );
      out.push({
        shape: 'fctva',
        group: `fctva:${fctva.start}`,
        target: fctva,
        operands: [base],
        expression: (ref) => `fctva(${ref(base)})`,
        strong: onHt !== undefined,
        near: 1,
        cue: 'FCTVA d’une dépense TTC',
        named: true,
        ...(onHt
          ? {
              explain: `le FCTVA se calcule sur la dépense TTC ; ${fctva.number.raw.trim()} est ${onHt.number.value.mul('0.164').eq(fctva.number.value) ? '16,4' : '16,404'} % du montant HT ${onHt.number.raw.trim()}`,
            }
          : {}),
      });
    }
  }

  // ── HT ↔ TTC side by side: same sentence, same table row, or the next row of the same column.
  const htAmounts = amounts.filter((num) => num.tax === 'HT');
  // Where an HT amount can be read with a TTC one: the same block, the same row, the cell above or below.
  const htBy = new Map<string, Num[]>();
  const put = (key: string, num: Num) => (htBy.get(key) ?? htBy.set(key, []).get(key)!).push(num);
  for (const num of htAmounts) {
    put(`b${num.block}`, num);
    put(`o${num.order}`, num);
    if (num.table) {
      put(`r${num.table.table}:${num.table.row}`, num);
      put(`c${num.table.table}:${num.table.column}:${num.table.row}`, num);
    }
  }
  for (const t of htAmounts.length === 0 ? [] : amounts.filter((num) => num.tax === 'TTC')) {
    const near = [
      ...(htBy.get(`b${t.block}`) ?? []),
      ...(t.table
        ? [
            ...(htBy.get(`r${t.table.table}:${t.table.row}`) ?? []),
            ...(htBy.get(`c${t.table.table}:${t.table.column}:${t.table.row - 1}`) ?? []),
            ...(htBy.get(`c${t.table.table}:${t.table.column}:${t.table.row + 1}`) ?? []),
          ]
        : [...(htBy.get(`o${t.order - 1}`) ?? []), ...(htBy.get(`o${t.order + 1}`) ?? [])].filter(
            (num) => !num.table && /soit|\(/u.test(t.before),
          )),
    ];
    const h = near.sort((a, b) => Math.abs(a.order - t.order) - Math.abs(b.order - t.order) || a.order - b.order)[0];
    if (!h) continue;
    for (const [rate, written] of [
      ['0.2', ''],
      ['0.1', '; 10 %'],
      ['0.055', '; 5,5 %'],
    ] as const) {
      out.push({
        shape: 'ttc',
        group: `ttc:${t.start}`,
        target: t,
        operands: [h],
        expression: (ref) => `ttc(${ref(h)}${written})`,
        strong: rate === '0.2',
        near: 0.01,
        cue: `montant HT et montant TTC côte à côte (TVA ${written ? written.slice(2) : '20 %'})`,
        named: true,
      });
    }
  }

  // ── Unit cost: « 7,37 € par élève » against a total and a count of pupils.
  for (const unit of amounts) {
    const noun = PER.exec(unit.after)?.[1] ?? /\bpar (\p{L}+)/iu.exec(unit.table?.rowLabel ?? '')?.[1];
    if (!noun) continue;
    const key = fold(noun).replace(/[sx]$/u, '');
    const counts = nums.filter((num) => num.kind === 'count' && num.noun === key);
    const totals = amounts.filter((num) => num !== unit && num.number.value.gt(unit.number.value.mul(10)));
    for (const count of counts) {
      for (const total of totals) {
        out.push({
          shape: 'par-unite',
          group: `par-unite:${unit.start}`,
          target: unit,
          operands: [total, count],
          expression: (ref) => `${ref(total)} / ${ref(count)}`,
          strong: false,
          near: 0,
          cue: `coût par ${noun}`,
          named: false,
        });
      }
    }
  }

  // ── A percentage of an amount, « soit » its result: « 80 % de 100 000 €, soit 80 000 € ».
  for (const percent of nums.filter((num) => num.kind === 'percent' && !num.table)) {
    if (!/^[\s\u00A0\u202F]*(de|du|des|sur)\b/u.test(percent.after)) continue;
    const following = amounts.filter((num) => num.block === percent.block && num.order > percent.order);
    const base = following[0];
    const result = following[1];
    if (!base || !result || !/\bsoit\b[^\d]*$/u.test(result.before.slice(result.before.lastIndexOf(base.number.raw))))
      continue;
    const cue = `${percent.number.raw.trim()} de ${base.number.raw.trim()}, « soit »`;
    // The share itself, or the amount raised or lowered by it (« une hausse de 5 % de 10 000 €, soit 10 500 € »).
    for (const [write, strong] of [
      [(b: string, p: string) => `${b} * ${p}`, true],
      [(b: string, p: string) => `${b} * (1 + ${p})`, false],
      [(b: string, p: string) => `${b} * (1 - ${p})`, false],
    ] as const) {
      out.push({
        shape: 'pourcentage',
        group: `pourcentage:${result.start}`,
        target: result,
        operands: [base, percent],
        expression: (ref) => write(ref(base), ref(percent)),
        strong,
        near: 0.02,
        cue,
        named: true,
      });
    }
  }

  // ── Across a row, where the column headers say what each cell is: the closing result of a compte administratif,
  //    résultat de clôture = résultat N-1 − part affectée + résultat de l'exercice + transferts.
  const tables = new Map<number, Num[]>();
  for (const num of nums)
    if (num.table && num.table.row >= num.table.head)
      (tables.get(num.table.table) ?? tables.set(num.table.table, []).get(num.table.table)!).push(num);
  const role = (header: string): 'prev' | 'part' | 'year' | 'transfer' | 'close' | undefined => {
    const h = fold(header);
    const previous = /(precedent|anterieur|n\s?-\s?1\b)/u.test(h);
    if (/cloture/u.test(h) && previous) return 'prev';
    if (/cloture/u.test(h)) return 'close';
    if (/resultat/u.test(h) && previous) return 'prev';
    if (/part affectee|affectation|\b1068\b/u.test(h)) return 'part';
    if (/transfert|integration/u.test(h)) return 'transfer';
    if (/resultat de l.?exercice|resultat exercice|solde d.?execution/u.test(h)) return 'year';
    return undefined;
  };
  for (const cells of tables.values()) {
    const rows = new Map<number, Num[]>();
    for (const num of cells) (rows.get(num.table!.row) ?? rows.set(num.table!.row, []).get(num.table!.row)!).push(num);
    for (const row of rows.values()) {
      const by = (wanted: string) => row.find((num) => role(num.table!.header) === wanted && num.kind !== 'percent');
      const close = by('close');
      const prev = by('prev');
      const year = by('year');
      if (!close || (!prev && !year)) continue;
      const part = by('part');
      const transfer = by('transfer');
      const operands = [prev, part, year, transfer].filter((num): num is Num => num !== undefined);
      out.push({
        shape: 'somme',
        target: close,
        operands,
        expression: (ref) =>
          [
            prev ? ref(prev) : '',
            part ? ` - ${ref(part)}` : '',
            year ? ` + ${ref(year)}` : '',
            transfer ? ` + ${ref(transfer)}` : '',
          ]
            .join('')
            .replace(/^ \+ /u, '')
            .trim(),
        strong: true,
        near: 0.05,
        cue: 'résultat de clôture = résultat antérieur − part affectée + résultat de l’exercice + transferts',
        named: true,
      });
    }
  }

  // ── A section voted in balance: its dépenses and recettes are equal, when the deliberation says « équilibre ».
  if (blocks.some((block) => /equilibr/u.test(fold(block.text)))) {
    for (const cells of tables.values()) {
      const rows = new Map<number, Num[]>();
      for (const num of cells)
        (rows.get(num.table!.row) ?? rows.set(num.table!.row, []).get(num.table!.row)!).push(num);
      for (const row of rows.values()) {
        const label = fold(row[0]!.table!.cells.filter((text) => parseFrenchNumber(text) === undefined).join(' '));
        if (!/total|section|fonctionnement|investissement/u.test(label)) continue;
        const spending = row.find((num) => /^depenses?\b/u.test(fold(num.table!.header)) && num.kind === 'amount');
        const income = row.find((num) => /^recettes?\b/u.test(fold(num.table!.header)) && num.kind === 'amount');
        if (!spending || !income) continue;
        out.push({
          shape: 'somme',
          target: income,
          operands: [spending],
          expression: (ref) => ref(spending),
          strong: true,
          near: 0.05,
          cue: 'section votée en équilibre : recettes = dépenses',
          named: false,
        });
      }
    }
  }

  // ── A sum announced before a list (« scindé en deux parties : ») or after it (« soit un total de »).
  const listIds = [...new Set(nums.filter((num) => num.list).map((num) => num.list!.id))];
  for (const id of listIds) {
    const listBlocks = blocks.map((block, index) => ({ block, index })).filter(({ block }) => block.list?.id === id);
    const first = listBlocks[0]?.index ?? 0;
    const last = listBlocks.at(-1)?.index ?? 0;
    const itemsCount = new Set(listBlocks.map(({ block }) => block.list!.index)).size;
    const parts: Num[] = [];
    for (let index = 0; index < itemsCount; index++) {
      const part = amounts.find((num) => num.list?.id === id && num.list.index === index);
      if (part) parts.push(part);
    }
    if (parts.length < 2 || parts.length !== itemsCount) continue;
    if (!parts.every((part) => taxCompatible(part, parts[0]!))) continue;
    const tax = parts.find((part) => part.tax)?.tax;
    const intro = fold(blocks[first - 1]?.text ?? '');
    const outro = blocks[last + 1];
    const after =
      outro && !outro.list && outro.kind === 'paragraph' && TOTAL_AFTER.test(fold(outro.text))
        ? amounts.find((num) => num.block === last + 1 && (!tax || !num.tax || num.tax === tax))
        : undefined;
    if (after) {
      out.push(
        sumCandidate(
          after,
          parts,
          true,
          `une liste suivie de « ${outro!.text.trim().split(/\s+/u).slice(0, 4).join(' ')} »`,
          0.05,
        ),
      );
      continue;
    }
    const partition = PARTITION.exec(intro);
    const weak = WEAK_LIST.test(intro);
    if (!partition && !weak) continue;
    const max = parts.reduce((a, b) => (a.number.value.gt(b.number.value) ? a : b)).number.value;
    const inIntro = amounts.filter(
      (num) => num.block === first - 1 && taxCompatible(num, parts[0]!) && num.number.value.gt(max),
    );
    const total =
      inIntro.at(-1) ??
      [...amounts]
        .reverse()
        .find(
          (num) =>
            num.order < parts[0]!.order &&
            !num.table &&
            !num.list &&
            (tax ? num.tax === tax : true) &&
            num.number.value.gt(max),
        );
    if (!total) continue;
    const original = blocks[first - 1]?.text ?? '';
    const at = partition ? intro.slice(0, partition.index).split(/\s+/u).length - 1 : 0;
    const cue = partition
      ? original
          .split(/\s+/u)
          .slice(at, at + 3)
          .join(' ')
          .replace(/[:\s]+$/u, '')
      : 'comme suit';
    out.push(sumCandidate(total, parts, partition !== null, `« ${cue} »`, 0.05));
    // An estimate and the lots attributed under it: the lots stay within the estimate (« estimée globalement à … »).
    if (!partition && /estim|enveloppe|plafond|maximum|previsionnel/u.test(fold(total.before))) {
      out.push({
        shape: 'somme',
        group: `estimation:${total.start}`,
        target: total,
        operands: parts,
        operator: '>=',
        expression: (ref) => `somme(${parts.map(ref).join('; ')})`,
        strong: false,
        near: 0,
        cue: 'une estimation et les lots attribués sous elle',
        named: true,
      });
    }
  }

  // ── A total announced in the sentence: « 120 000 € et 30 000 €, soit un total de 150 000 € ».
  for (const total of amounts) {
    const cue = INLINE_TOTAL.exec(fold(total.before));
    if (!cue) continue;
    const parts = amounts.filter(
      (num) =>
        num.block === total.block &&
        num.order < total.order &&
        total.before.includes(num.number.raw) &&
        taxCompatible(num, total),
    );
    if (parts.length < 2) continue;
    out.push(sumCandidate(total, parts, true, `« ${cue[0].trim()} »`, 0.05));
  }

  // ── « X €, dont a € … et b € »: the parts sum to the whole only when they are all given.
  for (const whole of amounts) {
    if (!/^[\s\u00A0\u202F]*,?[\s\u00A0\u202F]*dont\b/u.test(whole.after)) continue;
    const parts = amounts.filter(
      (num) =>
        num.block === whole.block &&
        num.order > whole.order &&
        whole.after.includes(num.number.raw) &&
        taxCompatible(num, whole),
    );
    if (parts.length < 2) continue;
    out.push(sumCandidate(whole, parts, false, '« dont »', 0));
  }

  // ── A balance stated in words: « Dépenses = …, Recettes = …, d'où un excédent de … » (or a déficit).
  for (let index = 2; index < amounts.length; index++) {
    const result = amounts[index]!;
    const words = fold(result.before);
    const kind = /excedent/u.test(words)
      ? 'excedent'
      : /deficit/u.test(words)
        ? 'deficit'
        : /(solde|resultat)/u.test(words)
          ? 'solde'
          : undefined;
    if (!kind) continue;
    const [a, b] = [amounts[index - 2]!, amounts[index - 1]!];
    const label = (num: Num) => fold(num.table?.rowLabel ?? num.before);
    const income = [a, b].find((num) => /recette/u.test(label(num)));
    const spending = [a, b].find((num) => /depense/u.test(label(num)));
    if (!income || !spending || income === spending) continue;
    out.push({
      shape: 'somme',
      target: result,
      operands: [income, spending],
      expression: (ref) =>
        kind === 'deficit' ? `${ref(spending)} - ${ref(income)}` : `${ref(income)} - ${ref(spending)}`,
      strong: kind !== 'solde',
      near: 0.05,
      cue:
        kind === 'deficit'
          ? 'déficit = dépenses − recettes'
          : `${kind === 'excedent' ? 'excédent' : 'solde'} = recettes − dépenses`,
      named: true,
    });
  }

  // ── Runs of consecutive amounts (or counts) that sum exactly to the number just before or after them.
  for (const kind of ['amount', 'count'] as const) {
    const sequence = nums.filter((num) => num.kind === kind && !num.number.value.isZero() && !inTableTotal(num));
    for (let from = 0; from < sequence.length; from++) {
      for (let length = 2; length <= 4 && from + length <= sequence.length; length++) {
        const run = sequence.slice(from, from + length);
        for (const target of [sequence[from - 1], sequence[from + length]]) {
          if (!target) continue;
          const significant =
            kind === 'count'
              ? target.number.value.gte(100)
              : target.number.value.gte(1000) || !target.number.value.isInteger();
          if (!significant || !run.every((num) => taxCompatible(num, target))) continue;
          // Only an exact sum is reported here: leave at once what cannot hold at the written precision.
          const nominal = run.reduce((acc, num) => acc.add(num.number.value), new Decimal(0));
          const slack = [target, ...run].reduce(
            (acc, num) => acc.add(new Decimal(10).pow(-num.number.decimals).div(2)),
            new Decimal(0),
          );
          if (nominal.sub(target.number.value).abs().gt(slack)) continue;
          // Round figures (a tariff grid: 1 000, 2 000, 3 000) add up by chance too often to be read as a sum.
          const round = kind === 'count' ? 10 : 1000;
          if ([target, ...run].every((num) => num.number.value.mod(round).isZero())) continue;
          out.push(
            sumCandidate(
              target,
              run,
              false,
              kind === 'count' ? 'des effectifs qui se suivent' : 'des montants qui se suivent',
              0,
            ),
          );
        }
      }
    }
  }

  // ── The same amount written again: a quotation.
  const significant = (num: Num) => num.number.value.abs().gte(1000) || !num.number.value.isInteger();
  const seen = new Map<string, Num[]>();
  const before = new Map<string, Num>();
  for (const num of earlier.flatMap((d) => d.nums)) {
    if (num.kind === 'amount' && !before.has(num.number.value.toString())) before.set(num.number.value.toString(), num);
  }
  for (const later of amounts) {
    const key = later.number.value.toString();
    const same = seen.get(key) ?? seen.set(key, []).get(key)!;
    const firstOf = same.find((num) => taxCompatible(num, later));
    same.push(later);
    if (!significant(later)) continue;
    const first = firstOf;
    const elsewhere = first ? undefined : !later.number.value.isInteger() ? before.get(key) : undefined;
    const source = first ?? elsewhere;
    if (!source) continue;
    out.push({
      shape: 'reprise',
      target: later,
      operands: [source],
      expression: (ref) => ref(source),
      strong: false,
      near: 0,
      cue: 'le même montant écrit deux fois',
      named: false,
    });
  }
  return out;
}
