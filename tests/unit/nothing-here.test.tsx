// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Panel } from '../../components/Panel';
import { storyEntry } from '../../utils/packs/catalogue';
import { realPack } from './helpers';

const { pack } = realPack();

function mount(quiet: boolean) {
  const onSettings = vi.fn();
  const onWake = vi.fn();
  const root = document.createElement('div');
  document.body.append(root);
  const page = { host: 'example.com', quiet, woken: false, onSettings, onWake };
  act(() =>
    render(
      <Panel
        state={{ status: 'nothing', stories: [storyEntry(pack)], page }}
        onClose={() => {}}
        onJump={() => {}}
      />,
      root,
    ),
  );
  const button = (name: string) =>
    [...root.querySelectorAll('button')].find((b) => b.textContent === name)!;
  return { root, onSettings, onWake, button };
}

afterEach(() => document.body.replaceChildren());

describe('the panel on a page Backstory has nothing for', () => {
  it('says so, lists the story it knows with its article and what it covers, and leads to the settings', () => {
    const { root, onSettings, button } = mount(false);
    expect(root.querySelector('aside[aria-label="Backstory"] h2.title')?.textContent).toBe(
      'Backstory has nothing for this page',
    );
    const story = root.querySelector('.stories li')!;
    const link = story.querySelector('a')!;
    expect(link.textContent).toBe(pack.article.title);
    expect(link.getAttribute('href')).toBe(pack.article.url);
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');
    expect(story.textContent).toContain(
      `${pack.places.length} places, ${pack.people.length} people and ${pack.timeline.length} dated events`,
    );
    expect(root.textContent).not.toContain('Turn Backstory back on');
    act(() => button('Backstory settings').click());
    expect(onSettings).toHaveBeenCalledTimes(1);
  });

  it('on a site the reader made quiet, says so and offers to turn Backstory back on there', () => {
    const { root, onWake, button } = mount(true);
    expect(root.querySelector('h2.title')?.textContent).toBe('Backstory is quiet on this site');
    expect(root.textContent).toContain('You asked Backstory to stay quiet on example.com');
    act(() => button('Turn Backstory back on for example.com').click());
    expect(onWake).toHaveBeenCalledTimes(1);
  });
});
