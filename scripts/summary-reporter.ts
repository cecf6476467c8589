import type { Reporter, TestModule } from 'vitest/node';

/**
 * Ends the run with the plain line CI reads, `tests: N passed, N failed, N skipped`, counted over
 * every test of every file.
 */
export default class SummaryLineReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    for (const module of testModules) {
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') {
          passed += 1;
        } else if (state === 'failed') {
          failed += 1;
        } else {
          skipped += 1;
        }
      }
      if (module.state() === 'failed' && [...module.children.allTests()].length === 0) {
        failed += 1; // a file that failed to load counts as a failure
      }
    }
    process.stdout.write(`\ntests: ${passed} passed, ${failed} failed, ${skipped} skipped\n`);
  }
}
