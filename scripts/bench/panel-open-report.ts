/** Prints what `measurePanelOpen` found, as the benchmark's last lines. */
import type { PanelOpenReport } from './panel-open';

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const ms = (value: number) => `${value.toFixed(1)} ms`;

/** The panel's opening figures, one stretch a line. */
export function printPanelOpen(report: PanelOpenReport): void {
  console.log(
    `launcher on the article (median of ${report.runs}; budget 50 ms): ` +
      `${ms(report.launcher.afterDomContentLoaded)} after DOMContentLoaded, ` +
      `${ms(report.launcher.afterLoad)} after the load event`,
  );
  const cost = (open: PanelOpenReport['first']) =>
    `press to first frame ${ms(open.firstFrame)}, script ${ms(open.script)}, ` +
    `style and layout ${ms(open.styleAndLayout)}, longest task ${ms(open.longestTask)} ` +
    `(CPU ${ms(open.longestTaskCpu)}), tasks over 16 ms: ${open.longTasks} (CPU ${open.longTasksCpu})`;
  const { prepare } = report;
  console.log(
    `panel open (median of ${report.runs}; one frame is 16.7 ms):\n` +
      `  drawn ahead, hidden, on idle (no press): ${ms(prepare.span)} from injection, ` +
      `script ${ms(prepare.script)}, style and layout ${ms(prepare.styleAndLayout)}, ` +
      `longest task ${ms(prepare.longestTask)} (CPU ${ms(prepare.longestTaskCpu)}), ` +
      `tasks over 16 ms: ${prepare.longTasks} (CPU ${prepare.longTasksCpu})\n` +
      `  first press: ${cost(report.first)}\n  reopen:      ${cost(report.reopen)}`,
  );
  console.log(
    `panel script ${kb(report.panelScript)} + map data ${kb(report.mapData)} = ` +
      `${kb(report.panelScript + report.mapData)} gzip (budget 80 KB)`,
  );
}
