/** The check stage: rules run on a parsed session model (reading and parsing the files is the pipeline's work). */
export { checkSession, type CheckOptions, type Config } from './engine.js';
export { loadConfig, ConfigError } from './config.js';
export type { Finding, Rule, RuleContext, RuleMeta, Severity } from './rule.js';
export { allRules, arithmeticRules, procedureRules } from './rules/index.js';
