import { describe, expect, it } from 'vitest';
import { readMapSources, embeddedObject } from '../../scripts/lib/map-sources';
import {
  curvePoints,
  labelBox,
  placeLabels,
  routeCurve,
  thinningStream,
  type Point,
} from '../../utils/map/geometry';
import { projectPackMap, MAP_WIDTH } from '../../utils/map/project';
import type { MapSpec } from '../../utils/packs/schema';
import { realPack } from './helpers';

const { input, pack } = realPack();
const spec = input.map as MapSpec;
const sources = readMapSources();
const map = pack.map!;
const pins = map.panels.flatMap((panel) => panel.pins.map((pin) => ({ panel, pin })));

describe('the projected map of the first pack', () => {
  it('pins every place exactly once, inside its map', () => {
    expect(pins.map(({ pin }) => pin.place).sort()).toEqual(
      pack.places.map((place) => place.id).sort(),
    );
    for (const { panel, pin } of pins) {
      expect(panel.width).toBe(MAP_WIDTH);
      expect(pin.x, pin.place).toBeGreaterThanOrEqual(0);
      expect(pin.x, pin.place).toBeLessThanOrEqual(panel.width);
      expect(pin.y, pin.place).toBeGreaterThanOrEqual(0);
      expect(pin.y, pin.place).toBeLessThanOrEqual(panel.height);
    }
  });

  it('puts the crowded Ukrainian places on the detail map', () => {
    const detail = map.panels.find((panel) => panel.id === 'detail');
    expect(detail?.pins.map((pin) => pin.place).sort()).toEqual([
      'crimea',
      'donetsk-oblast',
      'kherson-oblast',
      'luhansk-oblast',
      'ukraine',
      'zaporizhzhia-oblast',
    ]);
  });

  it('draws each route from its first place to an arrow at its destination', () => {
    const main = map.panels[0]!;
    expect(main.routes.map((route) => route.id)).toEqual(pack.routes.map((route) => route.id));
    for (const route of pack.routes) {
      const drawn = main.routes.find((r) => r.id === route.id)!;
      const from = main.pins.find((pin) => pin.place === route.from)!;
      const to = main.pins.find((pin) => pin.place === route.to)!;
      const points = curvePoints(drawn.d);
      const [start, end] = [points[0]!, points[points.length - 1]!];
      expect(Math.hypot(start[0] - from.x, start[1] - from.y), route.id).toBeLessThan(8);
      expect(Math.hypot(end[0] - to.x, end[1] - to.y), route.id).toBeLessThan(8);
      expect(drawn.arrow).toMatch(/^M[\d.,]+L[\d.,]+L[\d.,]+Z$/);
    }
    expect(main.routes.find((r) => r.id === 'to-georgia')?.via).toBe('Upper Lars');
  });

  it('has country shapes, Russia as the origin, and each claimed region shaded', () => {
    for (const panel of map.panels) {
      expect(panel.countries.length).toBeGreaterThan(5);
      for (const country of panel.countries) expect(country.d).toMatch(/^M/);
      expect(panel.countries.find((c) => c.name === 'Russia')?.role).toBe('origin');
    }
    const detail = map.panels[1]!;
    expect(detail.claimed.map((region) => region.place)).toEqual(
      spec.claimed.regions.map((region) => region.place),
    );
    for (const region of detail.claimed) expect(region.d.length).toBeGreaterThan(100);
  });

  it('keeps every label off every other pin', () => {
    for (const panel of map.panels) {
      for (const { x, y, label, side, place } of panel.pins) {
        const box = labelBox([x, y], label, side);
        for (const other of panel.pins) {
          if (other.place === place) continue;
          const covers =
            other.x > box.x &&
            other.x < box.x + box.width &&
            other.y > box.y &&
            other.y < box.y + box.height;
          expect(covers, `${place} label covers ${other.place}`).toBe(false);
        }
      }
    }
  });

  it('stays small enough to ship: under 40 KB gzip', async () => {
    const { gzipSync } = await import('node:zlib');
    expect(gzipSync(JSON.stringify(map)).length).toBeLessThan(40_000);
  });
});

describe('map problems are reported with their path in the pack', () => {
  it.each([
    [
      'an unknown boundary',
      (s: MapSpec) => (s.claimed.regions[0]!.boundaries = ['UA.XX']),
      'map.claimed.regions[0].boundaries[0]: unknown boundary "UA.XX"',
    ],
    [
      'a place outside the map',
      (s: MapSpec) => (s.extent = { ...s.extent, east: 90 }),
      'places[7].coordinates: "mongolia" falls outside the main map',
    ],
    ['an unknown origin', (s: MapSpec) => (s.origin = 'Atlantis'), 'map.origin: no country'],
  ])('%s', (_name, edit, expected) => {
    const broken = structuredClone(spec);
    edit(broken);
    const result = projectPackMap(pack, broken, sources);
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.error.map((p) => `${p.path}: ${p.message}`).join('\n')).toContain(expected);
  });
});

describe('map geometry', () => {
  it('thins points closer than the tolerance, keeping each line’s ends', () => {
    const seen: Point[] = [];
    const sink = {
      point: (x: number, y: number) => void seen.push([x, y]),
      lineStart: () => {},
      lineEnd: () => {},
      polygonStart: () => {},
      polygonEnd: () => {},
    };
    const stream = thinningStream(sink, 1);
    stream.lineStart();
    for (const [x, y] of [
      [0, 0],
      [0.2, 0],
      [0.5, 0],
      [2, 0],
      [2.3, 0],
    ] as const)
      stream.point(x, y);
    stream.lineEnd();
    expect(seen).toEqual([
      [0, 0],
      [2, 0],
      [2.3, 0],
    ]);
  });

  it('ends a route short of its pins, by the gap', () => {
    const { d } = routeCurve(
      [
        [0, 0],
        [100, 0],
      ],
      6,
      0,
    );
    const points = curvePoints(d);
    expect(points[0]![0]).toBeCloseTo(6);
    expect(points[points.length - 1]![0]).toBeCloseTo(94);
  });

  it.each([
    ['a free spot: right', [{ at: [50, 50] as Point, text: 'Moscow' }], ['right']],
    [
      'a pin on the right: left',
      [
        { at: [100, 50] as Point, text: 'Uralsk' },
        { at: [120, 50] as Point, text: 'X' },
      ],
      ['left', 'right'],
    ],
    ['the right edge: left', [{ at: [190, 50] as Point, text: 'Mongolia' }], ['left']],
  ])('puts a label where it fits: %s', (_name, labels, expected) => {
    expect(placeLabels(labels, 200, 100)).toEqual(expected);
  });

  it('reads an object embedded in a script without running it, braces in strings and all', () => {
    const script = 'var a = 1; X.topo = {"name":"a } b","o":{"p":[1,{"q":"\\"}"}]}};\nrest()';
    expect(JSON.parse(embeddedObject(script, 'X.topo = '))).toEqual({
      name: 'a } b',
      o: { p: [1, { q: '"}' }] },
    });
  });
});
