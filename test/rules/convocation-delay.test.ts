import { testRuleDocs } from './harness.js';

testRuleDocs('convocation-delay');
