// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MapView } from '../../components/MapView';
import { PlacesSection } from '../../components/PlacesSection';
import { realPack } from './helpers';

const { pack } = realPack();
const map = pack.map!;

function mount(node: preact.ComponentChild) {
  const root = document.createElement('div');
  document.body.append(root);
  act(() => render(node, root));
  return root;
}

const pin = (root: Element, name: string) =>
  [...root.querySelectorAll<HTMLButtonElement>('button.pin')].find(
    (button) => button.getAttribute('aria-label') === name,
  )!;

let scrolled: Element[] = [];
beforeEach(() => {
  scrolled = [];
  // happy-dom does not lay out, so it has no scrolling: record what would be scrolled into view.
  Element.prototype.scrollIntoView = function (this: Element) {
    scrolled.push(this);
  };
});
afterEach(() => {
  act(() => document.body.replaceChildren());
});

describe('MapView', () => {
  it('is an image with a title, and a button for every place', () => {
    const root = mount(<MapView map={map} selected={null} onSelect={() => {}} />);
    const images = root.querySelectorAll('svg[role="img"]');
    expect(images).toHaveLength(2);
    for (const svg of images) {
      const title = svg.querySelector('title');
      expect(title?.textContent).not.toBe('');
      expect(svg.getAttribute('aria-labelledby')).toBe(title?.id);
    }
    const names = [...root.querySelectorAll('button.pin')].map((b) => b.getAttribute('aria-label'));
    expect(names.sort()).toEqual(pack.places.map((place) => place.name).sort());
  });

  it('draws the routes, the claimed regions and a legend naming each route', () => {
    const root = mount(<MapView map={map} selected={null} onSelect={() => {}} />);
    expect(root.querySelectorAll('.map-route')).toHaveLength(pack.routes.length);
    expect(root.querySelectorAll('#map-detail .map-claimed')).toHaveLength(5);
    const legend = root.querySelector('[role="group"][aria-label="Map legend"]')?.textContent;
    expect(legend).toContain('Georgia, via Upper Lars');
    expect(legend).toContain('Kazakhstan, via Mariinsky–Zhelkuar border crossing');
    expect(legend).toContain(map.claimedLabel);
  });

  it('marks the selected pin as current and reports a pressed pin', () => {
    const onSelect = vi.fn();
    const root = mount(<MapView map={map} selected="moscow" onSelect={onSelect} />);
    const current = root.querySelectorAll('button.pin[aria-current="true"]');
    expect([...current].map((b) => b.getAttribute('aria-label'))).toEqual(['Moscow']);
    act(() => pin(root, 'Almaty').click());
    expect(onSelect).toHaveBeenCalledWith('almaty');
  });
});

describe('the Places section', () => {
  it('marks the card of a chosen pin and scrolls that card into view', () => {
    const root = mount(<PlacesSection pack={pack} />);
    act(() => pin(root, 'Kherson Oblast').click());
    const card = root.querySelector('#place-kherson-oblast');
    expect(card?.getAttribute('aria-current')).toBe('true');
    expect(root.querySelectorAll('article[aria-current]')).toHaveLength(1);
    expect(scrolled).toEqual([card]);
  });

  it('shows a card’s place on the map: its pin is current and takes focus', () => {
    const root = mount(<PlacesSection pack={pack} />);
    const button = root.querySelector<HTMLButtonElement>(
      'button[aria-label="Show on map: Almaty"]',
    );
    act(() => button?.click());
    const almaty = pin(root, 'Almaty');
    expect(almaty.getAttribute('aria-current')).toBe('true');
    expect(document.activeElement).toBe(almaty);
    expect(scrolled).toEqual([root.querySelector('#map-main')]);
  });

  it('offers "Show on map" on every place card when the pack has a map, and none without', () => {
    const withMap = mount(<PlacesSection pack={pack} />);
    expect(withMap.querySelectorAll('button.show-on-map')).toHaveLength(pack.places.length);
    const without = mount(<PlacesSection pack={{ ...pack, map: undefined }} />);
    expect(without.querySelector('.map')).toBeNull();
    expect(without.querySelectorAll('button.show-on-map')).toHaveLength(0);
    expect(without.querySelectorAll('article.card')).toHaveLength(pack.places.length);
  });
});
