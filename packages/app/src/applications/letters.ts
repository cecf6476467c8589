/*
 * The letter use cases now stand one a file (issue 19 §2). This path still re-exports them so that
 * the code importing it keeps working; new code imports the use case's own file.
 */
export * from './letter-template.ts';
export * from './list-letter-templates.ts';
export * from './letter-template-input.ts';
export * from './preview-letter-template.ts';
export * from './save-letter-template.ts';
export * from './reset-letter-template.ts';
export * from './letter-values.ts';
export * from './letters-available.ts';
export * from './letter-draft.ts';
export * from './issue-letter.ts';
export * from './letter-content.ts';
