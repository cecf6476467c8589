/*
 * The annual-report use cases now stand one a file (issue 19 §2). This path still re-exports them so
 * that the code importing it keeps working; new code imports the use case's own file.
 */
export * from './finding-key.ts';
export * from './report-status-labels.ts';
export * from './consolidated-report.ts';
export * from './get-report-draft.ts';
export * from './save-report-draft.ts';
export * from './submit-report.ts';
export * from './review-report.ts';
export * from './reopen-report.ts';
export * from './published-report.ts';
export * from './list-published-reports.ts';
export * from './report-statuses.ts';
export * from './report-versions.ts';
export * from './import-published-report.ts';
export * from './report-cell.ts';
