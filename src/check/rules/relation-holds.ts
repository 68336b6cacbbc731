import { compare, fromWritten, type Tolerance } from '../arith/interval.js';
import { formatFrenchNumber } from '../../model/numbers.js';
import { definitions, expectedAt, isParsed, relations, replaceDigits, writeLike } from '../arith/session.js';
import { evaluate, isExprError } from '../expr/index.js';
import type { RelationOperator } from '../../model/types.js';
import type { Rule } from '../rule.js';

const id = 'relation-holds';

function toleranceText(tolerance: Tolerance): string {
  const digits = formatFrenchNumber(tolerance.value, tolerance.value.decimalPlaces()).replace(/\u202F/g, ' ');
  return tolerance.relative ? `${digits} %` : digits;
}

const failing: Record<RelationOperator, string> = {
  '=': 'ne vaut pas',
  '≈': 'n’est pas proche de',
  '<=': 'n’est pas inférieur ou égal à',
  '<': 'n’est pas inférieur à',
  '>=': 'n’est pas supérieur ou égal à',
  '>': 'n’est pas supérieur à',
};

/** Each number annotated with a relation ({= …}, {#nom = …}, {<= …}, {≈ … ± …}) holds at its written precision. */
export const relationHolds: Rule = {
  meta: {
    id,
    description: 'Chaque nombre annoté d’une relation la respecte, à la précision écrite.',
    severity: 'error',
    docs: `docs/rules/${id}.md`,
  },
  check({ session, report }) {
    const { environment } = definitions(session);
    for (const relation of relations(session)) {
      if (!isParsed(relation)) continue; // relation-reference reports it
      const { annotation } = relation;
      const operator = annotation.operator ?? '=';
      const evaluation = evaluate(relation.expr, environment);
      if (isExprError(evaluation)) continue; // relation-reference reports it
      const number = annotation.number;
      const written = fromWritten(number);
      const result = compare(written, operator, evaluation.value, relation.tolerance);
      if (result.holds) continue;

      const scale = number.unit === '%' ? 100 : 1;
      const percent = number.unit === '%' ? ' %' : '';
      const at = (value: typeof written.lo) => `${writeLike(number.raw, value.mul(scale), number.decimals)}${percent}`;
      const statement = `${annotation.name ? `${annotation.name.value} ${operator} ` : ''}${relation.text.trim()}${
        operator === '≈' && relation.tolerance ? ` ± ${toleranceText(relation.tolerance)}` : ''
      }`;
      const computedText = `${writeLike(number.raw, evaluation.value.nominal.mul(scale), number.decimals)}${percent}`;
      const writtenText = `${writeLike(number.raw, number.value, number.decimals)}${percent}`;
      const actual = number.raw.trim();
      const details = evaluation.details.length > 0 ? ` (${evaluation.details.join(' ; ')})` : '';
      const message = `${actual} ${failing[operator]} ${statement}`;

      if (operator === '=') {
        const expected = expectedAt(
          { ...number, value: number.value },
          number.unit === '%'
            ? {
                ...evaluation.value,
                lo: evaluation.value.lo.mul(100),
                hi: evaluation.value.hi.mul(100),
                nominal: evaluation.value.nominal.mul(100),
              }
            : evaluation.value,
        );
        const finding: Parameters<typeof report>[0] = {
          message,
          place: number.position,
          expected: `${expected.text}${percent}`,
          actual,
          note: `${evaluation.shown} = ${computedText}, et non ${writtenText}${details}`,
        };
        if (expected.single) finding.suggestion = replaceDigits(number.raw, expected.single);
        report(finding);
        continue;
      }

      // Inequalities and estimates: say which bound is crossed.
      const bound = result.crossed === 'lo' ? result.against.lo : result.against.hi;
      const side = {
        '<': 'moins de',
        '<=': 'au plus',
        '>': 'plus de',
        '>=': 'au moins',
        '≈': result.crossed === 'lo' ? 'au moins' : 'au plus',
        '=': '',
      }[operator];
      const boundText = at(bound);
      const computation = relation.expr.type === 'number' ? computedText : `${evaluation.shown} = ${computedText}`;
      const tolerance = operator === '≈' && relation.tolerance ? `, à ${toleranceText(relation.tolerance)} près` : '';
      report({
        message,
        place: number.position,
        expected: `${side} ${boundText}`,
        actual,
        note: `${computation}${tolerance} : ${writtenText} ${
          result.crossed === 'lo' ? 'est en dessous de' : 'dépasse'
        } ${boundText}${details}`,
      });
    }
  },
};
