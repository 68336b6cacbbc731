import { testRuleDocs } from '../rules/harness.js';

testRuleDocs('html-sanitized');
