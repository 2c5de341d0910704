/**
 * The page in a tab as the browser's side panel reaches it: its quotes and its marks, through the
 * background (`panel:page`) to the tab's panel script. The panel on the page does the same work
 * in the page itself (`quotesOnPage`, the marks); these keep the same shapes, so the panel
 * controller does not know which it has. When the tab cannot answer (the browser's own pages, a
 * page still loading, a page that no longer carries the story), `reachable()` turns false until
 * it answers again.
 */
import {
  isMarksReport,
  type MarksReport,
  type MessageOf,
  type Result,
  type ToPage,
} from '../messages';
import type { MarksHandle } from '../ui/panel-controller';
import type { PageQuotes } from '../ui/show-in-article';

/** Sends a request to the page in the side panel's tab. */
export type AskPage = (message: MessageOf<ToPage>) => Promise<Result<unknown>>;

export interface RemotePage {
  quotes: PageQuotes;
  /** The marks' switch: a handle once the page reports its marks, null while it marks, false when unreachable. */
  marks(): MarksHandle | null | false;
  /** The page told the side panel its marks changed. */
  marksChanged(report: MarksReport): void;
  /** Whether the page answered the last request. */
  reachable(): boolean;
}

/** The page behind `ask`; `onChange` is called when what the panel shows of it changes. */
export function remotePage(ask: AskPage, onChange: () => void): RemotePage {
  let reachable = true;
  let report: MarksReport | null = null;
  let highlighted = false;
  /** Sends `message`; a failed or malformed answer makes the page unreachable (and throws). */
  const request = async <T>(message: MessageOf<ToPage>, check: (value: unknown) => value is T) => {
    const reply = await ask(message).catch((error: unknown) => ({
      ok: false as const,
      error: String(error),
    }));
    const ok = reply.ok && check(reply.value);
    if (ok !== reachable) {
      reachable = ok;
      onChange();
    }
    if (!reply.ok) throw new Error(reply.error);
    if (!ok) throw new Error('malformed answer');
    return reply.value as T;
  };
  const refreshMarks = (message: MessageOf<ToPage>) =>
    request(message, isMarksReport).then(
      (next) => {
        report = next;
        onChange();
      },
      () => {},
    );
  const handle = (marks: MarksReport & { count: number }): MarksHandle => ({
    isEnabled: () => marks.enabled,
    count: () => (marks.enabled ? marks.count : 0),
    setEnabled: (enabled) => {
      report = { ...marks, enabled };
      void refreshMarks({ type: 'page:marks', enabled });
    },
    focusFirst: () => {
      void refreshMarks({ type: 'page:marks', browse: true });
      return true;
    },
  });
  return {
    quotes: {
      locate: async (quotes) => {
        const { found } = await request({ type: 'page:quotes', quotes: [...quotes] }, isFound);
        // Ask for the marks too, now that the page is being marked for the side panel.
        void refreshMarks({ type: 'page:marks' });
        return new Set(found);
      },
      show: async (quote) => {
        highlighted = true;
        return (await request({ type: 'page:quote', quote }, isShown)).found;
      },
      // Only a page that was asked to highlight a quote is told to clear it.
      clear: () => {
        if (!highlighted) return;
        highlighted = false;
        void request({ type: 'page:clear' }, isNull).catch(() => {});
      },
    },
    marks: () => {
      if (!reachable) return false;
      return report && report.count !== null ? handle({ ...report, count: report.count }) : null;
    },
    marksChanged: (next) => {
      report = next;
      onChange();
    },
    reachable: () => reachable,
  };
}

function isFound(value: unknown): value is { found: string[] } {
  return (
    typeof value === 'object' &&
    value !== null &&
    Array.isArray((value as { found?: unknown }).found) &&
    (value as { found: unknown[] }).found.every((item) => typeof item === 'string')
  );
}

function isShown(value: unknown): value is { found: boolean } {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { found?: unknown }).found === 'boolean'
  );
}

function isNull(value: unknown): value is null {
  return value === null;
}
