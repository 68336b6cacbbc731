import { testRuleDocs } from './harness.js';

testRuleDocs('deliberation-matiere');
