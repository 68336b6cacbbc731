import { testRuleDocs } from './harness.js';

testRuleDocs('body-faithful');
