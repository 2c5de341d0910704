// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { Timeline } from '../../components/Timeline';
import { realPack } from './helpers';

const { pack } = realPack();
const total = pack.timeline.length;
/** Events with any of `tags`, counted straight from the pack. */
const tagged = (...tags: string[]) =>
  pack.timeline.filter((event) => event.tags.some((tag) => tags.includes(tag))).length;

function mount() {
  const root = document.createElement('div');
  document.body.append(root);
  act(() => render(<Timeline pack={pack} />, root));
  const query = <T extends Element = HTMLElement>(selector: string) =>
    [...root.querySelectorAll<T & Element>(selector)] as T[];
  const button = (name: string | RegExp) => {
    // The accessible name: aria-label where there is one, else the text.
    const label = (b: HTMLButtonElement) => b.getAttribute('aria-label') ?? b.textContent ?? '';
    const found = query<HTMLButtonElement>('button').find((b) =>
      typeof name === 'string' ? label(b) === name : name.test(label(b)),
    );
    if (!found) throw new Error(`no button ${String(name)}`);
    return found;
  };
  const click = (element: HTMLElement) => act(() => element.click());
  const status = () => root.querySelector('[role="status"]')?.textContent;
  const shownEvents = () => query('li.event').map((li) => li.dataset.event);
  return { root, query, button, click, status, shownEvents };
}

afterEach(() => {
  document.body.replaceChildren();
});

describe('the timeline filter', () => {
  it('starts with every event and no tag pressed', () => {
    const view = mount();
    expect(view.status()).toBe(`All ${total} events`);
    expect(view.shownEvents()).toHaveLength(total);
    const pressed = view
      .query('fieldset button[aria-pressed]')
      .map((b) => b.getAttribute('aria-pressed'));
    expect(pressed).toEqual(['false', 'false', 'false', 'false']);
    expect(view.root.querySelector('fieldset legend')?.textContent).toBe('Show events about');
  });

  it('shows only the picked topics, with a live count, and "Show all" resets it', () => {
    const view = mount();
    const exodus = view.button(/^Exodus/);
    view.click(exodus);
    expect(exodus.getAttribute('aria-pressed')).toBe('true');
    expect(view.status()).toBe(`${tagged('exodus')} of ${total} events`);
    expect(view.shownEvents()).toContain('kazakhstan-98000');
    expect(view.shownEvents()).not.toContain('mobilization-decree');
    view.click(view.button(/^War/));
    expect(view.status()).toBe(`${tagged('exodus', 'war')} of ${total} events`);
    view.click(view.button('Show all'));
    expect(view.status()).toBe(`All ${total} events`);
    expect(exodus.getAttribute('aria-pressed')).toBe('false');
  });
});

describe("the article's time phrases", () => {
  it('lists every phrase with the date it means; those tied to events are buttons', () => {
    const view = mount();
    const items = view.query('.phrase-list li');
    expect(items).toHaveLength(pack.timePhrases.length);
    expect(items[0]?.textContent).toContain('“Sept. 28”');
    expect(items[0]?.textContent).toContain('28 Sep 2022');
    const three = items.find((li) => li.textContent?.includes('three weeks ago'));
    expect(three?.querySelector('button')).toBeNull();
    expect(view.button(/^“in the week since”: show its 2 events in the timeline$/)).toBeDefined();
  });

  it('following a phrase highlights its events and moves focus to the first', () => {
    const view = mount();
    view.click(view.button(/^“in the week since”/));
    const linked = view.query('li.event.is-linked').map((li) => li.dataset.event);
    expect(linked).toEqual(['mobilization-decree', 'kazakhstan-98000']);
    expect(document.activeElement?.getAttribute('data-event')).toBe('mobilization-decree');
  });

  it('clears a filter that would hide the events a phrase points at', () => {
    const view = mount();
    view.click(view.button(/^War/));
    expect(view.shownEvents()).not.toContain('accession-treaties');
    const lastMonth = view.query<HTMLButtonElement>('.phrase-link')[4]!;
    expect(lastMonth.textContent).toMatch(/^“last month”/);
    view.click(lastMonth);
    expect(view.status()).toBe(`All ${total} events`);
    expect(document.activeElement?.getAttribute('data-event')).toBe('accession-treaties');
  });

  it('each event names the phrases that point at it, and leads back to them', () => {
    const view = mount();
    const martialLaw = view.query('li.event').find((li) => li.dataset.event === 'martial-law')!;
    const back = martialLaw.querySelector<HTMLButtonElement>('.phrases button')!;
    expect(back.textContent).toBe('“On Wednesday” in the article');
    view.click(back);
    expect(document.activeElement?.textContent).toMatch(/^“On Wednesday”/);
    expect(document.activeElement?.closest('li')?.classList.contains('is-active')).toBe(true);
  });
});

describe('the publication marker', () => {
  it('sits between what the reporter knew and what happened next, and says it is inferred', () => {
    const view = mount();
    const order = view
      .query('.timeline-part, .publication')
      .map((el) => (el.matches('.publication') ? 'marker' : el.textContent));
    expect(order).toEqual([
      'In the article',
      'What the reporter knew',
      'marker',
      'After the article',
    ]);
    const marker = view.root.querySelector('.publication')!;
    expect(marker.textContent).toContain('19 Oct 2022');
    expect(marker.textContent).toContain('inferred');
  });
});
