import { testRuleDocs } from './harness.js';

testRuleDocs('attendance-name-variant');
