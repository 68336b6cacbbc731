import { testRuleDocs } from './harness.js';

testRuleDocs('attendance-unknown-person');
