// Writes docs/schema/session.schema.json from the zod schema of `minutier export --format json`
// (src/publish/export-json.ts, compiled in dist/). Run after `npm run build:ts`: `npm run schema`.
import { writeFileSync } from 'node:fs';
import { sessionJsonSchema } from '../dist/publish/export-json.js';

const target = new URL('../docs/schema/session.schema.json', import.meta.url);
writeFileSync(target, `${JSON.stringify(sessionJsonSchema(), null, 2)}\n`);
console.log(`écrit : ${target.pathname}`);
