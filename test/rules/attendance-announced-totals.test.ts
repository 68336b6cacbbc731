import { testRuleDocs } from './harness.js';

testRuleDocs('attendance-announced-totals');
