import { testRuleDocs } from './harness.js';

testRuleDocs('deliberation-numbering');
