import { testRuleDocs } from './harness.js';

testRuleDocs('attendance-stated-figures');
