import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  DEFAULT_SETTINGS,
  hostMatches,
  isActiveOn,
  loadSettings,
  parseSettings,
  parseSiteList,
  saveSettings,
  settingsItem,
  watchSettings,
} from '../../utils/settings';

describe('stored settings that are corrupt or foreign fall back to defaults', () => {
  it.each([
    ['nothing stored', undefined],
    ['null', null],
    ['a string', 'dark mode please'],
    ['an array', ['right', 'push']],
    ["another extension's object", { enabled: 1, color: 'red' }],
  ])('%s gives the defaults', (_name, raw) => {
    expect(parseSettings(raw)).toEqual(DEFAULT_SETTINGS);
  });

  it('keeps every valid key when others are corrupt', () => {
    const settings = parseSettings({
      side: 'left',
      layout: 'sideways',
      theme: 42,
      marks: false,
      quietSites: ['example.com', 'not a host!'],
      onlySites: ['news.example'],
    });
    expect(settings.side).toBe('left');
    expect(settings.marks).toBe(false);
    expect(settings.onlySites).toEqual(['news.example']);
    expect(settings.layout).toBe(DEFAULT_SETTINGS.layout);
    expect(settings.theme).toBe(DEFAULT_SETTINGS.theme);
    expect(settings.quietSites).toEqual(DEFAULT_SETTINGS.quietSites);
  });

  it('keeps the valid flags of a partly corrupt object', () => {
    const settings = parseSettings({ autoOpen: { article: false, version: 'yes', extra: true } });
    expect(settings.autoOpen).toEqual({ article: false, version: true, related: false });
  });

  it('does not share the defaults object with its callers', () => {
    parseSettings(undefined).sections.places = false;
    expect(DEFAULT_SETTINGS.sections.places).toBe(true);
  });
});

describe('sites', () => {
  it.each([
    ['www.nytimes.com', ['nytimes.com'], true],
    ['nytimes.com', ['nytimes.com'], true],
    ['notnytimes.com', ['nytimes.com'], false],
    ['NYTimes.com.', ['nytimes.com'], true],
    ['example.org', [], false],
  ])('%s under %j: %s', (host, sites, expected) => {
    expect(hostMatches(host, sites)).toBe(expected);
  });

  it('stays quiet on quiet sites and outside the listed sites', () => {
    const quiet = { ...DEFAULT_SETTINGS, quietSites: ['example.com'] };
    expect(isActiveOn(quiet, 'www.example.com')).toBe(false);
    expect(isActiveOn(quiet, 'nbcnews.com')).toBe(true);
    const listed = { ...DEFAULT_SETTINGS, scope: 'listed' as const, onlySites: ['nbcnews.com'] };
    expect(isActiveOn(listed, 'www.nbcnews.com')).toBe(true);
    expect(isActiveOn(listed, 'example.com')).toBe(false);
  });

  it('cleans a typed list and reports what is not a site', () => {
    expect(
      parseSiteList('https://www.NBCNews.com/news/x\nreuters.com, reuters.com  ???\nfoo bar'),
    ).toEqual({ sites: ['nbcnews.com', 'reuters.com'], rejected: ['???', 'foo', 'bar'] });
  });
});

describe('storage', () => {
  beforeEach(() => fakeBrowser.reset());

  it('saves a change, keeps the rest, and reads it back', async () => {
    await saveSettings({ side: 'left' });
    await saveSettings({ theme: 'dark' });
    const settings = await loadSettings();
    expect(settings.side).toBe('left');
    expect(settings.theme).toBe('dark');
    expect(settings.layout).toBe('overlay');
  });

  it('reads corrupt storage as defaults, keeping valid keys', async () => {
    await fakeBrowser.storage.local.set({ settings: { side: 'left', sections: 'all' } });
    const settings = await loadSettings();
    expect(settings.side).toBe('left');
    expect(settings.sections).toEqual(DEFAULT_SETTINGS.sections);
  });

  it('falls back to the defaults when storage cannot be read at all', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    vi.spyOn(settingsItem, 'getValue').mockRejectedValueOnce(new Error('Version downgrade'));
    expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
    expect(warn).toHaveBeenCalled();
    warn.mockRestore();
  });

  it('tells watchers about changes, validated', async () => {
    const seen: string[] = [];
    const stop = watchSettings((settings) => seen.push(settings.theme));
    await saveSettings({ theme: 'light' });
    await fakeBrowser.storage.local.set({ settings: { theme: 'neon' } });
    stop();
    expect(seen).toEqual(['light', 'system']);
  });
});
