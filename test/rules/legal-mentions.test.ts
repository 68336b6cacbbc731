import { testRuleDocs } from './harness.js';

testRuleDocs('legal-mentions');
