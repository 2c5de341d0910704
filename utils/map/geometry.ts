/**
 * Plane geometry for the Places map, after projection: thinning outlines to what a 400-pixel map
 * can show, route curves with arrowheads, and placing labels so they collide as little as
 * possible. DOM-free and deterministic, so the build gives the same map every time.
 */
import type { GeoStream } from 'd3-geo';
import type { LabelSide } from './types';

/** A point in map coordinates. */
export type Point = readonly [number, number];

/**
 * A stream that drops points closer than `tolerance` to the last point kept on the same line or
 * ring (keeping each line's last point), so outlines carry no detail smaller than a pixel.
 */
export function thinningStream(sink: GeoStream, tolerance: number): GeoStream {
  let last: Point | null = null;
  let skipped: Point | null = null;
  return {
    point(x, y) {
      if (last && Math.hypot(x - last[0], y - last[1]) < tolerance) {
        skipped = [x, y];
        return;
      }
      sink.point(x, y);
      last = [x, y];
      skipped = null;
    },
    lineStart() {
      last = null;
      skipped = null;
      sink.lineStart();
    },
    lineEnd() {
      if (skipped) sink.point(skipped[0], skipped[1]);
      last = null;
      skipped = null;
      sink.lineEnd();
    },
    polygonStart: () => sink.polygonStart(),
    polygonEnd: () => sink.polygonEnd(),
    sphere: () => sink.sphere?.(),
  };
}

const round = (n: number) => Math.round(n * 10) / 10;
const fmt = (p: Point) => `${round(p[0])},${round(p[1])}`;

/** The point `distance` from `from` towards `to`. */
function towards(from: Point, to: Point, distance: number): Point {
  const length = Math.hypot(to[0] - from[0], to[1] - from[1]) || 1;
  return [
    from[0] + ((to[0] - from[0]) * distance) / length,
    from[1] + ((to[1] - from[1]) * distance) / length,
  ];
}

/**
 * A route through `points` drawn as gentle curves (one quadratic curve per leg, bowed to the
 * left of travel), starting `gap` past the first point and ending `gap` short of the last, so
 * lines meet pins without covering them; with an arrowhead at the end.
 */
export function routeCurve(
  points: readonly Point[],
  gap: number,
  bow = 0.15,
): { d: string; arrow: string } {
  if (points.length < 2) throw new Error('a route needs at least two points');
  const legs: { start: Point; control: Point; end: Point }[] = [];
  for (const [i, b] of points.entries()) {
    const a = points[i - 1];
    if (!a) continue;
    const mid: Point = [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2];
    const length = Math.hypot(b[0] - a[0], b[1] - a[1]);
    const normal: Point = length ? [(b[1] - a[1]) / length, -(b[0] - a[0]) / length] : [0, 0];
    const control: Point = [mid[0] + normal[0] * length * bow, mid[1] + normal[1] * length * bow];
    legs.push({ start: a, control, end: b });
  }
  const first = legs[0];
  const last = legs[legs.length - 1];
  if (!first || !last) throw new Error('a route needs at least two points');
  first.start = towards(first.start, first.control, gap);
  last.end = towards(last.end, last.control, gap);
  const d =
    `M${fmt(first.start)}` + legs.map((leg) => `Q${fmt(leg.control)} ${fmt(leg.end)}`).join('');
  return { d, arrow: arrowhead(last.control, last.end, 7, 3.5) };
}

/** A closed triangle with its tip at `tip`, pointing away from `from`. */
export function arrowhead(from: Point, tip: Point, length: number, halfWidth: number): string {
  const base = towards(tip, from, length);
  const dx = tip[0] - base[0];
  const dy = tip[1] - base[1];
  const norm = Math.hypot(dx, dy) || 1;
  const nx = (-dy / norm) * halfWidth;
  const ny = (dx / norm) * halfWidth;
  return `M${fmt(tip)}L${fmt([base[0] + nx, base[1] + ny])}L${fmt([base[0] - nx, base[1] - ny])}Z`;
}

/**
 * Points every few units along a path written by {@link routeCurve} (M, then Q segments), for
 * keeping labels off route lines.
 */
export function curvePoints(d: string, steps = 12): Point[] {
  const numbers = (d.match(/-?\d+(?:\.\d+)?/g) ?? []).map(Number);
  const points: Point[] = [];
  let start: Point = [numbers[0] ?? 0, numbers[1] ?? 0];
  for (let i = 2; i + 3 < numbers.length; i += 4) {
    const [cx = 0, cy = 0, ex = 0, ey = 0] = numbers.slice(i, i + 4);
    const control: Point = [cx, cy];
    const end: Point = [ex, ey];
    for (let step = 0; step <= steps; step++) {
      const t = step / steps;
      const u = 1 - t;
      points.push([
        u * u * start[0] + 2 * u * t * control[0] + t * t * end[0],
        u * u * start[1] + 2 * u * t * control[1] + t * t * end[1],
      ]);
    }
    start = end;
  }
  return points;
}

/** An axis-aligned box. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Label metrics in map units (11 px system-ui text, measured roughly). */
export const LABEL = {
  charWidth: 6.3,
  padding: 6,
  height: 15,
  offset: 7,
  diagonal: 4,
  pin: 10,
} as const;

/** The box a label of `text` takes on `side` of a pin at `at`. */
export function labelBox(at: Point, text: string, side: LabelSide): Box {
  const width = text.length * LABEL.charWidth + LABEL.padding;
  const { height, offset, diagonal } = LABEL;
  const [x, y] = at;
  switch (side) {
    case 'right':
      return { x: x + offset, y: y - height / 2, width, height };
    case 'left':
      return { x: x - offset - width, y: y - height / 2, width, height };
    case 'above':
      return { x: x - width / 2, y: y - offset - height, width, height };
    case 'below':
      return { x: x - width / 2, y: y + offset, width, height };
    case 'above-right':
      return { x: x + diagonal, y: y - diagonal - height, width, height };
    case 'above-left':
      return { x: x - diagonal - width, y: y - diagonal - height, width, height };
    case 'below-right':
      return { x: x + diagonal, y: y + diagonal, width, height };
    case 'below-left':
      return { x: x - diagonal - width, y: y + diagonal, width, height };
  }
}

function overlap(a: Box, b: Box): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

function outside(box: Box, width: number, height: number): number {
  const inside = overlap(box, { x: 0, y: 0, width, height });
  return box.width * box.height - inside;
}

/** Label sides in order of preference. */
export const LABEL_SIDES: readonly LabelSide[] = [
  'right',
  'left',
  'below',
  'above',
  'above-right',
  'below-right',
  'above-left',
  'below-left',
];

/**
 * Chooses a side for each label: first greedily in order, then a few passes that move each label
 * to the side where it overlaps least (pins weigh most, then other labels, then lines) while
 * staying inside the map, preferring the sides in {@link LABEL_SIDES} order on a tie.
 */
export function placeLabels(
  pins: readonly { at: Point; text: string }[],
  width: number,
  height: number,
  /** Points along lines that labels should keep clear of. */
  obstacles: readonly Point[] = [],
): LabelSide[] {
  const square = (at: Point, size: number): Box => ({
    x: at[0] - size / 2,
    y: at[1] - size / 2,
    width: size,
    height: size,
  });
  const fixed: { box: Box; weight: number }[] = [
    ...pins.map(({ at }) => ({ box: square(at, LABEL.pin), weight: 4 })),
    ...obstacles.map((at) => ({ box: square(at, 4), weight: 1 })),
  ];
  const sides: (LabelSide | null)[] = pins.map(() => null);
  const cost = (index: number, side: LabelSide): number => {
    const { at, text } = pins[index] ?? { at: [0, 0] as Point, text: '' };
    const box = labelBox(at, text, side);
    let sum = outside(box, width, height) * 4 + LABEL_SIDES.indexOf(side) * 0.5;
    for (const other of fixed) sum += overlap(box, other.box) * other.weight;
    sides.forEach((otherSide, j) => {
      const other = pins[j];
      if (j === index || otherSide === null || !other) return;
      sum += overlap(box, labelBox(other.at, other.text, otherSide)) * 2;
    });
    return sum;
  };
  const best = (index: number): LabelSide =>
    LABEL_SIDES.reduce((a, b) => (cost(index, b) < cost(index, a) ? b : a));
  for (let pass = 0; pass < 4; pass++) for (let i = 0; i < pins.length; i++) sides[i] = best(i);
  return sides as LabelSide[];
}
