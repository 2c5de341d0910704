/**
 * `npm run lint:firefox`: runs Mozilla's add-on linter (`web-ext lint`, the checks
 * addons.mozilla.org runs on upload) on the Firefox build and fails on any error or on a warning
 * not explained in scripts/lib/firefox-lint.ts. Not `--self-hosted`: Backstory is meant for AMO,
 * so AMO's own rules (data collection permissions and the like) must be checked too.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describeMessage, judgeLint, type LintReport } from './lib/firefox-lint';
import { FIREFOX_EXTENSION_DIR } from './lib/firefox';

if (!existsSync(join(FIREFOX_EXTENSION_DIR, 'manifest.json'))) {
  console.error(`No Firefox build in ${FIREFOX_EXTENSION_DIR}: run "npm run build:firefox" first.`);
  process.exit(1);
}

// web-ext's package root holds index.js (its `main`) and bin/web-ext.js.
const webExt = join(dirname(createRequire(import.meta.url).resolve('web-ext')), 'bin/web-ext.js');
const run = spawnSync(
  process.execPath,
  [
    webExt,
    'lint',
    '--source-dir',
    FIREFOX_EXTENSION_DIR,
    '--output',
    'json',
    '--no-config-discovery',
  ],
  { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 },
);
let report: LintReport;
try {
  report = JSON.parse(run.stdout) as LintReport;
} catch {
  console.error(`web-ext lint gave no report (exit ${run.status}):\n${run.stdout}${run.stderr}`);
  process.exit(1);
}

const { failures, explained, stale } = judgeLint(report);
for (const { message, why } of explained) {
  console.log(`explained warning ${describeMessage(message)}\n  why it is fine: ${why}`);
}
for (const notice of report.notices) console.log(`notice ${describeMessage(notice)}`);
for (const entry of stale) {
  console.log(`no longer raised: ${entry.code} in ${entry.file}; drop it from the explained list`);
}
for (const failure of failures) console.error(`FAIL ${describeMessage(failure)}`);
console.log(
  `web-ext lint: ${report.errors.length} errors, ${report.warnings.length} warnings ` +
    `(${explained.length} explained), ${report.notices.length} notices`,
);
process.exit(failures.length > 0 ? 1 : 0);
