import { testRuleDocs } from './harness.js';

testRuleDocs('attendance-seats');
