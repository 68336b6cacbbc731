import { testRuleDocs } from './harness.js';

testRuleDocs('font-coverage');
