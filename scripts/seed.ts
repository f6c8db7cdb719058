import { openDb } from '../db/src';
import { isSeeded } from '../db/src/seed';
import { seedDemo } from '../server/src/demo/seed-demo';

/** `npm run seed [-- <database path>]`: seeds the demo data into an empty database. */
const path = process.argv[2] ?? process.env.DATABASE_PATH ?? './data/engawa.db';
const { db, sqlite } = openDb(path);
if (await isSeeded(db)) {
  console.log(`${path} already has data; nothing changed.`);
} else {
  await seedDemo(db, new Date());
  console.log(`Seeded demo data into ${path}.`);
}
sqlite.close();
