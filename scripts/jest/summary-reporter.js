// Prints one plain closing line, "tests: N passed, N failed, N skipped", that CI tooling reads.
// scripts/test.sh runs jest twice (most suites two at a time, then the exclusive ones alone): with
// CLAIMFLOW_JEST_TOTALS set to a file, each run adds its counts there instead, and
// `node scripts/jest/summary-reporter.js FILE` prints the one line for both.
const fs = require('node:fs');

const COUNTS = ['numPassedTests', 'numFailedTests', 'numPendingTests', 'numTodoTests', 'numFailedTestSuites', 'numRuntimeErrorTestSuites'];

function summaryLine(totals) {
  const { numPassedTests, numFailedTests, numPendingTests, numTodoTests, numFailedTestSuites, numRuntimeErrorTestSuites } = totals;
  const failed = numFailedTests + (numFailedTests === 0 ? numFailedTestSuites + numRuntimeErrorTestSuites : 0);
  return `\ntests: ${numPassedTests} passed, ${failed} failed, ${numPendingTests + numTodoTests} skipped\n`;
}

function readTotals(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return Object.fromEntries(COUNTS.map((count) => [count, 0]));
  }
}

class SummaryReporter {
  onRunComplete(_contexts, results) {
    const file = process.env.CLAIMFLOW_JEST_TOTALS;
    if (!file) return void process.stdout.write(summaryLine(results));
    const totals = readTotals(file);
    for (const count of COUNTS) totals[count] += results[count];
    fs.writeFileSync(file, JSON.stringify(totals));
  }
}

if (require.main === module) {
  const file = process.argv[2];
  // No file: no run completed (jest did not start), which is a failure, not "0 failed".
  if (!fs.existsSync(file)) process.stdout.write('\ntests: 0 passed, 1 failed, 0 skipped\n');
  else process.stdout.write(summaryLine(readTotals(file)));
}

module.exports = SummaryReporter;
