export * from './errors.ts';
export * from './uscc.ts';
export * from './roles.ts';
export * from './password-policy.ts';
export * from './contact.ts';
export * from './agency-kinds.ts';
