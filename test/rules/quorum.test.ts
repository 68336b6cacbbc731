import { testRuleDocs } from './harness.js';

testRuleDocs('quorum');
