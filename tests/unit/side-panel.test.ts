import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { WxtBrowser } from 'wxt/browser';
import { boundTab, followTab, type FollowReason } from '../../utils/side-panel/follow';
import { remotePage } from '../../utils/side-panel/remote-page';
import { verdictKey } from '../../utils/storage-keys';
import type { Result } from '../../utils/messages';

const browser = fakeBrowser as unknown as WxtBrowser;

describe('the tab the side panel follows', () => {
  beforeEach(() => fakeBrowser.reset());

  it('reads the tab it is bound to from its address, and nothing else', () => {
    expect(boundTab('?tab=12')).toBe(12);
    expect(boundTab('')).toBeUndefined();
    for (const bad of ['?tab=', '?tab=-1', '?tab=1e3', '?tab=12abc', '?tab=99999999999'])
      expect(boundTab(bad)).toBeUndefined();
  });

  it('shows the active tab of its window, then each tab the reader switches to there', async () => {
    // The panel's window, with its active tab.
    const WINDOW = 1;
    vi.spyOn(fakeBrowser.windows, 'getCurrent').mockResolvedValue({ id: WINDOW } as never);
    const first = { id: 11, windowId: WINDOW };
    const query = vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([first] as never);
    const second = { id: 12, windowId: WINDOW };
    const seen: [number | null, FollowReason][] = [];
    const stop = await followTab({ browser, onTab: (tab, why) => seen.push([tab, why]) });
    expect(query).toHaveBeenCalledWith({ active: true, windowId: WINDOW });
    expect(seen).toEqual([[first.id, 'tab']]);
    await fakeBrowser.tabs.onActivated.trigger({ tabId: second.id, windowId: WINDOW });
    // Another window's switch is not this panel's.
    await fakeBrowser.tabs.onActivated.trigger({ tabId: 999, windowId: WINDOW + 1 });
    expect(seen).toEqual([
      [first.id, 'tab'],
      [second.id, 'tab'],
    ]);
    stop();
  });

  it('looks again when its tab navigates or its verdict changes, not for other tabs', async () => {
    const seen: [number | null, FollowReason][] = [];
    const stop = await followTab({ browser, bound: 5, onTab: (tab, why) => seen.push([tab, why]) });
    const tab = { id: 5 } as never;
    await fakeBrowser.tabs.onUpdated.trigger(5, { status: 'loading' }, tab);
    await fakeBrowser.tabs.onUpdated.trigger(5, { title: 'A title' }, tab);
    await fakeBrowser.tabs.onUpdated.trigger(6, { status: 'complete' }, { id: 6 } as never);
    await fakeBrowser.storage.session.set({ [verdictKey(5)]: null });
    await fakeBrowser.storage.session.set({ [verdictKey(6)]: null });
    // A bound panel stays with its tab when the reader switches tabs.
    await fakeBrowser.tabs.onActivated.trigger({ tabId: 6, windowId: 1 });
    expect(seen).toEqual([
      [5, 'tab'],
      [5, 'navigated'],
      [5, 'verdict'],
    ]);
    stop();
    await fakeBrowser.tabs.onUpdated.trigger(5, { status: 'loading' }, tab);
    expect(seen).toHaveLength(3);
  });
});

describe('the page as the side panel reaches it', () => {
  const answering = (value: unknown): Result<unknown> => ({ ok: true, value });

  it('finds and shows quotes through the tab, and reports the marks once the page is marked', async () => {
    const ask = vi.fn(async (message: { type: string }) => {
      if (message.type === 'page:quotes') return answering({ found: ['a'] });
      if (message.type === 'page:quote') return answering({ found: true });
      if (message.type === 'page:marks') return answering({ enabled: true, count: 12 });
      return answering(null);
    });
    const changed = vi.fn();
    const page = remotePage(ask, changed);
    expect(page.marks()).toBeNull(); // waiting for the page to be marked
    expect(await page.quotes.locate(['a', 'b'], new AbortController().signal)).toEqual(
      new Set(['a']),
    );
    expect(await page.quotes.show('a')).toBe(true);
    await vi.waitFor(() => expect(page.marks()).not.toBeNull());
    const marks = page.marks() as Exclude<ReturnType<typeof page.marks>, null | false>;
    expect(marks.count()).toBe(12);
    marks.setEnabled(false);
    expect(ask).toHaveBeenLastCalledWith({ type: 'page:marks', enabled: false });
    page.marksChanged({ enabled: false, count: 12 });
    expect((page.marks() as typeof marks).count()).toBe(0);
    expect(page.reachable()).toBe(true);
  });

  it('says the page cannot be reached when the tab does not answer, until it does again', async () => {
    let answers = false;
    const changed = vi.fn();
    const page = remotePage(
      async () =>
        answers
          ? answering({ found: true })
          : { ok: false, error: 'the page in this tab cannot be reached' },
      changed,
    );
    await expect(page.quotes.show('a')).rejects.toThrow('cannot be reached');
    expect(page.reachable()).toBe(false);
    expect(page.marks()).toBe(false); // no switch for a page that cannot be marked
    expect(changed).toHaveBeenCalledTimes(1);
    answers = true;
    expect(await page.quotes.show('a')).toBe(true);
    expect(page.reachable()).toBe(true);
  });

  it('treats a malformed answer as no answer', async () => {
    const page = remotePage(
      async () => answering({ found: 'yes' }),
      () => {},
    );
    await expect(page.quotes.show('a')).rejects.toThrow('malformed');
    expect(page.reachable()).toBe(false);
  });
});
