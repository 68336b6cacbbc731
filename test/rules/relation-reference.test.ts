import { testRuleDocs } from './harness.js';

testRuleDocs('relation-reference');
