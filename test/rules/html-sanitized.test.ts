import { testRuleDocs } from './harness.js';

testRuleDocs('html-sanitized');
