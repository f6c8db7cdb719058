import { writeFileSync } from 'node:fs';
import { BASE_SOURCE } from '../server/src/map/base-source';
import { BASE_LAYER_PATH } from '../server/src/map/paths';
import { buildBaseLayer, serializeBaseLayer } from '../server/src/map/build-base-layer';

// Rebuilds the offline base map from its source; commit the result (a unit test checks they agree).
const text = serializeBaseLayer(buildBaseLayer(BASE_SOURCE));
writeFileSync(BASE_LAYER_PATH, text);
console.log(`map: wrote ${BASE_LAYER_PATH} (${text.length} bytes)`);
