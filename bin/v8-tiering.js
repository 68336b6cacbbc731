// V8's tiering tuned for a command that runs for a few seconds (docs/performance.md, « Round 7: V8 tiering »). V8 hands a
// function to its optimising compiler (TurboFan, on a background thread) once it has run a given amount of bytecode,
// the « interrupt budget ». That default suits a browser tab or a server that runs for hours; a `check` or a `build`
// of 20 sessions spends more CPU compiling functions it then runs only a few more times than it gains from them
// (~750 functions compiled for `check`, on the core the browser or the main thread needs). Four times the budget:
// only the truly hot functions get optimised. Measured on Node 20 (V8 11.3), whose default budget is 67 584: a 20-PV
// build −10 %, `check` of 20 sessions −13 % (CPU −25 %), of 100 −3 to −9 % (CPU −13 %), a cold check the same time for
// −20 % of CPU. Other V8 versions tier differently (Maglev, other budgets) and keep their defaults until measured.
// Set before the bundle is compiled: V8's code cache is keyed by the flags, so every run must set the same ones.
'use strict';
const v8 = require('node:v8');

const MEASURED_V8 = /^11\.3\./;
const FLAG = '--interrupt-budget=270336';

/** Sets the budget (unless this V8 was not measured, or node was given its own); returns the flag set, if any. */
function tuneTiering(v8Version = process.versions.v8, execArgv = process.execArgv) {
  if (!MEASURED_V8.test(v8Version)) return undefined;
  if (execArgv.some((arg) => /^--interrupt[-_]budget(=|$)/.test(arg))) return undefined;
  v8.setFlagsFromString(FLAG);
  return FLAG;
}

exports.tuneTiering = tuneTiering;
