export * from './connection.ts';
export * from './schema.ts';
export * from './migrations/index.ts';
export * from './agencies.ts';
export * from './users.ts';
export * from './sessions.ts';
export * from './login-attempts.ts';
export * from './audit-log.ts';
