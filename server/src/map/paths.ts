import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The built offline base layer: written by `npm run build:map`, committed, served by assets.ts. */
export const BASE_LAYER_PATH = join(dirname(fileURLToPath(import.meta.url)), 'base-layer.json');
