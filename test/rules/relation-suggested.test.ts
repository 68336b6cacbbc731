import { testRuleDocs } from './harness.js';

testRuleDocs('relation-suggested');
