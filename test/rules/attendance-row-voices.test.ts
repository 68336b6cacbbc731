import { testRuleDocs } from './harness.js';

testRuleDocs('attendance-row-voices');
