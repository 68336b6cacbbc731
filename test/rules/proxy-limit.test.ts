import { testRuleDocs } from './harness.js';

testRuleDocs('proxy-limit');
