import { testRuleDocs } from './harness.js';

testRuleDocs('proxy-cycle');
