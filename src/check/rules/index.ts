import type { Rule } from '../rule.js';
import { arithmeticRules } from './arithmetic.js';
import { deliberationMatiere } from './deliberation-matiere.js';
import { procedureRules } from './procedure.js';

export { arithmeticRules } from './arithmetic.js';
export { procedureRules } from './procedure.js';

/** The rules of open-data publication (docs/publication.md). */
export const publicationRules: Rule[] = [deliberationMatiere];

/** Every rule minutier has: procedural, arithmetic, then publication. */
export const allRules: Rule[] = [...procedureRules, ...arithmeticRules, ...publicationRules];
