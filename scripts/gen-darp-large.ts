/**
 * Writes the large DARP set (Cordeau's generator scheme, see scripts/lib/cordeau-generator.ts)
 * to bench/darp-large/instances. Deterministic: re-running it rewrites the same bytes.
 *   npx tsx scripts/gen-darp-large.ts
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { LARGE_SET, generateCordeau, largeName } from './lib/cordeau-generator.js';

const dir = new URL('../bench/darp-large/instances/', import.meta.url);
mkdirSync(dir, { recursive: true });
for (const spec of LARGE_SET) writeFileSync(new URL(largeName(spec), dir), generateCordeau(spec));
console.log(`wrote ${LARGE_SET.length} instances to ${dir.pathname}`);
