import { testRuleDocs } from './harness.js';

testRuleDocs('proxy-giver-absent');
