/** The PostgreSQL twin of db/src/schema/index.ts: same tables, same names (see schemas-match.test.ts). */
export * from './core';
export * from './platform';
export * from './shop';
export * from './drone';
export * from './taxi';
export * from './billing';
export * from './watch';
export * from './dashboard';
