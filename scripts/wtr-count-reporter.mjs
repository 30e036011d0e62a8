// A web-test-runner reporter that writes how many tests passed and failed, so the test script
// can add every suite into the one "N passed, N failed" line CI ends with.
import { writeFileSync } from 'node:fs';

function countSuite(suite, counts) {
  for (const test of suite?.tests ?? []) {
    if (test.skipped) counts.skipped += 1;
    else if (test.passed) counts.passed += 1;
    else counts.failed += 1;
  }
  for (const child of suite?.suites ?? []) countSuite(child, counts);
}

export function countReporter(file) {
  return {
    onTestRunFinished({ sessions }) {
      const counts = { passed: 0, failed: 0, skipped: 0 };
      for (const session of sessions) {
        const before = counts.failed + counts.passed;
        countSuite(session.testResults, counts);
        // A file that failed to load or errored outside a test ran no test: count it as one failure.
        const ranNone = counts.failed + counts.passed === before;
        if (!session.passed && (ranNone || (session.errors?.length ?? 0) > 0)) counts.failed += 1;
      }
      if (file) writeFileSync(file, JSON.stringify(counts));
    },
  };
}
