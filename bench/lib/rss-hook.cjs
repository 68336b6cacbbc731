// Preloaded with `node --require` into every measured Node process: on exit, writes the process's peak resident
// memory (maxRSS, kilobytes) and its CPU time (user + system, microseconds) as JSON to the file named by
// BENCH_RSS_FILE. Nothing else changes in the process.
'use strict';
const { writeFileSync } = require('node:fs');

const target = process.env.BENCH_RSS_FILE;
if (target) {
  process.on('exit', () => {
    try {
      const usage = process.resourceUsage();
      writeFileSync(target, JSON.stringify({ maxRSS: usage.maxRSS, cpuUs: usage.userCPUTime + usage.systemCPUTime }));
    } catch {
      // The measurement is optional; never disturb the measured program.
    }
  });
}
