/*
 * The review use cases now stand one a file (issue 19 §2). This path still re-exports them so that
 * the code importing it keeps working; new code imports the use case's own file.
 */
export * from './check-working-version.ts';
export * from './preview-checks.ts';
export * from './submit-item.ts';
export * from './approve-item.ts';
export * from './publish-working-version.ts';
export * from './record-secrecy-review.ts';
export * from './send-back-item.ts';
export * from './withdraw-item.ts';
export * from './publish-due-items.ts';
