import type { Rule } from '../rule.js';

/** Filled by the arithmetic rules (relation-holds, relation-reference, table-total-row, table-total-column). */
export const arithmeticRules: Rule[] = [];
