export * from './ast.js';
export { parseExpression } from './parse.js';
export { tokenize, type Token } from './tokenize.js';
export {
  evaluate,
  nearestName,
  references,
  staticProblems,
  type Binding,
  type Environment,
  type Evaluation,
} from './evaluate.js';
export {
  arityMessage,
  DEFAULT_FCTVA_RATE,
  DEFAULT_PERIODS_PER_YEAR,
  DEFAULT_VAT_RATE,
  findFunction,
  functions,
  instalment,
  type FunctionSpec,
} from './functions.js';
