import { testRuleDocs } from './harness.js';

testRuleDocs('vote-names');
