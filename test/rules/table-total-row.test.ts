import { testRuleDocs } from './harness.js';

testRuleDocs('table-total-row');
