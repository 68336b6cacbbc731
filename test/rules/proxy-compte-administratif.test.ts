import { testRuleDocs } from './harness.js';

testRuleDocs('proxy-compte-administratif');
