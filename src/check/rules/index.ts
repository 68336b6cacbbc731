import type { Rule } from '../rule.js';
import { arithmeticRules } from './arithmetic.js';
import { procedureRules } from './procedure.js';

export { arithmeticRules } from './arithmetic.js';
export { procedureRules } from './procedure.js';

/** Every rule minutier has, procedural then arithmetic. */
export const allRules: Rule[] = [...procedureRules, ...arithmeticRules];
