/**
 * Judges a `web-ext lint --output json` report: errors always fail; a warning fails unless it is
 * one of the few explained here (and in README.md, "Packages and store submission").
 */

/** One message from addons-linter. */
export interface LintMessage {
  code: string;
  message: string;
  description?: string;
  file?: string;
  line?: number;
  column?: number;
}

/** The parts of `web-ext lint --output json` that matter here. */
export interface LintReport {
  errors: LintMessage[];
  warnings: LintMessage[];
  notices: LintMessage[];
}

/** A warning that is expected, where, and why it is harmless. */
export interface ExplainedWarning {
  code: string;
  /** The built file, or a pattern for files whose names carry a content hash. */
  file: string | RegExp;
  why: string;
}

/** The warnings the Firefox build is known to raise. Keep README.md in step. */
export const EXPLAINED_WARNINGS: readonly ExplainedWarning[] = [
  {
    code: 'UNSAFE_VAR_ASSIGNMENT',
    file: 'content-scripts/panel.js',
    why:
      "Preact's renderer assigns innerHTML only for the dangerouslySetInnerHTML prop, which " +
      'Backstory never uses (ESLint forbids it): the panel builds DOM nodes from pack data.',
  },
  {
    code: 'UNSAFE_VAR_ASSIGNMENT',
    file: /^chunks\/jsxRuntime-[\w-]+\.js$/,
    why:
      'The same Preact renderer code, shared by the extension pages (the options page and the ' +
      'side panel), which build their content the same way.',
  },
];

/** What a report means for the build. */
export interface LintJudgement {
  /** Errors and unexplained warnings: any of these fails. */
  failures: LintMessage[];
  /** Warnings matched to an explanation. */
  explained: { message: LintMessage; why: string }[];
  /** Explanations no warning matched any more (README and the list above can drop them). */
  stale: ExplainedWarning[];
}

/** Sorts a report's messages into failures and explained warnings. */
export function judgeLint(
  report: LintReport,
  explanations: readonly ExplainedWarning[] = EXPLAINED_WARNINGS,
): LintJudgement {
  const failures: LintMessage[] = [...report.errors];
  const explained: LintJudgement['explained'] = [];
  const used = new Set<ExplainedWarning>();
  for (const warning of report.warnings) {
    const match = explanations.find(
      (entry) =>
        entry.code === warning.code &&
        (typeof entry.file === 'string'
          ? entry.file === warning.file
          : entry.file.test(warning.file ?? '')),
    );
    if (match) {
      explained.push({ message: warning, why: match.why });
      used.add(match);
    } else {
      failures.push(warning);
    }
  }
  return { failures, explained, stale: explanations.filter((entry) => !used.has(entry)) };
}

/** One line for a message: code, file and position, and what it says. */
export function describeMessage(message: LintMessage): string {
  const where = message.file
    ? ` ${message.file}${message.line ? `:${message.line}:${message.column ?? 0}` : ''}`
    : '';
  return `${message.code}${where}: ${message.description ?? message.message}`;
}
