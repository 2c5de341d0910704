/** Prints what `measurePanelOpen` and `measureLauncher` found, as the benchmark's last lines. */
import type { LauncherReport, OpenCost, PanelOpenReport, TaskCost } from './panel-open';

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const ms = (value: number) => `${value.toFixed(1)} ms`;

/** Script on both threads, style and layout, and the tasks over a frame. */
const costOf = (cost: TaskCost) =>
  `script ${ms(cost.pageScript + cost.frameScript)} (page ${ms(cost.pageScript)}, panel frame ` +
  `${ms(cost.frameScript)}), style and layout ${ms(cost.styleAndLayout)}, longest task ` +
  `${ms(cost.longestTask)} (CPU ${ms(cost.longestTaskCpu)}), tasks over 16 ms: ` +
  `${cost.longTasks} (CPU ${cost.longTasksCpu})`;

/** When the launcher joined the article. */
export function printLauncher(report: LauncherReport): void {
  console.log(
    `launcher on the article (median of ${report.runs}; budget 50 ms): ` +
      `${ms(report.afterDomContentLoaded)} after DOMContentLoaded; the page's load event ` +
      `${ms(report.loadAfterDomContentLoaded)} after it (held back by a late image)`,
  );
}

/** The panel's opening figures, one stretch a line. */
export function printPanelOpen(report: PanelOpenReport): void {
  const open = (cost: OpenCost) => `press to first frame ${ms(cost.firstFrame)}, ${costOf(cost)}`;
  console.log(
    `panel open (median of ${report.runs}; budget one frame, under 16 ms of script):\n` +
      `  drawn ahead, hidden, on idle (no press): ${ms(report.prepare.span)} from injection, ` +
      `${costOf(report.prepare)}\n` +
      `  first press: ${open(report.first)}\n  reopen:      ${open(report.reopen)}` +
      (report.redone > 0
        ? `\n  (${report.redone} run(s) redone: the panel was drawn before tracing started)`
        : ''),
  );
  const panel = report.panelPage + report.mapData;
  console.log(
    `panel: its page's scripts ${kb(report.panelPage)} + map data ${kb(report.mapData)} = ` +
      `${kb(panel)} gzip (budget 80 KB); the script a page with a verdict gets (the frame's ` +
      `place, the quotes, the marks): ${kb(report.panelScript)} gzip`,
  );
}
