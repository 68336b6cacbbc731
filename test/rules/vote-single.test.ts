import { testRuleDocs } from './harness.js';

testRuleDocs('vote-single');
