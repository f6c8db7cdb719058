export * from './core';
export * from './platform';
export * from './shop';
export * from './drone';
export * from './taxi';
export * from './billing';
export * from './watch';
export * from './dashboard';
