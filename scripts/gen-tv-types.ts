import { writeFileSync } from 'node:fs';
import { format, resolveConfig } from 'prettier';
import { TV_API_TYPES_PATH, generateTvApiTypes, loadOpenApiDocument } from './lib/tv-api-types';

/** `npm run gen:tv-types`: writes the TV app's API types from the server's route schemas. */
const text = await generateTvApiTypes(await loadOpenApiDocument());
const options = (await resolveConfig(TV_API_TYPES_PATH)) ?? {};
writeFileSync(TV_API_TYPES_PATH, await format(text, { ...options, filepath: TV_API_TYPES_PATH }));
console.log(`wrote ${TV_API_TYPES_PATH}`);
