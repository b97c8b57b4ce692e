// Prints one plain closing line, "tests: N passed, N failed, N skipped", that CI tooling reads.
// scripts/test.sh runs jest twice (most suites two at a time, then the exclusive ones alone): with
// CLAIMFLOW_JEST_TOTALS set to a file, each run adds its counts there instead, and
// `node scripts/jest/summary-reporter.js FILE STATUS` prints the one line for both.
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
  // FILE, then the runs' exit status: a run that failed without reporting (jest did not start, or died) still counts
  // as a failure, so the line never says "0 failed" for a failed run.
  const [file, status = '0'] = process.argv.slice(2);
  const totals = readTotals(file);
  if (status !== '0' && totals.numFailedTests + totals.numFailedTestSuites + totals.numRuntimeErrorTestSuites === 0)
    totals.numRuntimeErrorTestSuites = 1;
  process.stdout.write(summaryLine(totals));
}

module.exports = SummaryReporter;
