import { testRuleDocs } from './harness.js';

testRuleDocs('composition-total');
