export * from './config.ts';
export * from './server.ts';
export * from './start.ts';
export * from './open-app.ts';
export type { ServerDeps } from './context.ts';
