/**
 * Shapes of public finance: a loan's annual charge, the FCTVA of an expense, HT ↔ TTC side by side, a unit cost,
 * a percentage of an amount « soit » its result.
 */
import { fold, type Num } from './numbers.js';
import type { Candidate, Scope } from './candidate.js';

const PER = /^[\s\u00A0\u202F]*(?:€[\s\u00A0\u202F]*)?(?:HT|TTC)?[\s\u00A0\u202F]*(?:par|\/)[\s\u00A0\u202F]*(\p{L}+)/u;

/** A loan: an annual charge beside the loan's capital, duration and rate. */
export function loanCharges({ nums, amounts }: Scope): Candidate[] {
  const out: Candidate[] = [];
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
  return out;
}

/** FCTVA: a share of a TTC expense. */
export function fctvaShares({ amounts }: Scope): Candidate[] {
  const out: Candidate[] = [];
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
  return out;
}

/** HT ↔ TTC side by side: same sentence, same table row, or the next row of the same column. */
export function htTtcPairs({ amounts }: Scope): Candidate[] {
  const out: Candidate[] = [];
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
  return out;
}

/** Unit cost: « 7,37 € par élève » against a total and a count of pupils. */
export function unitCosts({ nums, amounts }: Scope): Candidate[] {
  const out: Candidate[] = [];
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
  return out;
}

/** A percentage of an amount, « soit » its result: « 80 % de 100 000 €, soit 80 000 € ». */
export function percentages({ nums, amounts }: Scope): Candidate[] {
  const out: Candidate[] = [];
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
  return out;
}
