import { defineConfig } from 'drizzle-kit';

// The PostgreSQL twin of drizzle.config.ts (issue #16): same casing, its own migrations folder.
export default defineConfig({
  dialect: 'postgresql',
  schema: './db/src/schema-pg/index.ts',
  out: './db/migrations-pg',
  casing: 'snake_case',
});
