/**
 * Projects a pack's Places map at build time: Natural Earth country outlines and admin-1 regions
 * become SVG path strings clipped to the map, places become pins with placed labels, routes become
 * curves. Uses a Lambert conformal conic projection fitted to the pack's extent, which keeps the
 * shapes of a wide mid-latitude band (Finland to Mongolia) true. Pure: the caller reads the data.
 */
import { geoConicConformal, geoPath, type GeoPermissibleObjects, type GeoProjection } from 'd3-geo';
import type { Feature, FeatureCollection, Geometry, MultiPoint } from 'geojson';
import type { PackProblem } from '../packs/load';
import type { Pack, Place } from '../packs/types';
import type { Extent, MapSpec } from '../packs/schema';
import { curvePoints, placeLabels, routeCurve, thinningStream, type Point } from './geometry';
import type { MapCountry, MapPanel, MapPin, MapRegion, MapRoute, PackMap } from './types';

/** The width of every map, in map units: the panel's content width, so a unit is about a pixel. */
export const MAP_WIDTH = 388;

/** Boundary data the map is drawn from. */
export interface MapSources {
  /** Natural Earth countries, each with `properties.name`. */
  countries: FeatureCollection<Geometry, { name: string }>;
  /** Natural Earth admin-1 regions, each with its HASC code as `id` ("UA.DT"). */
  regions: FeatureCollection<Geometry>;
}

/** The map, or every reason it cannot be drawn (with paths into the pack). */
export type MapResult = { ok: true; value: PackMap } | { ok: false; error: PackProblem[] };

/** The sampled outline of an extent, for fitting and for drawing the detail frame. */
export function extentOutline(extent: Extent, step = 0.5): MultiPoint {
  const { west, south, east, north } = extent;
  const points: [number, number][] = [];
  for (let lon = west; lon <= east; lon += step) points.push([lon, south], [lon, north]);
  for (let lat = south; lat <= north; lat += step) points.push([west, lat], [east, lat]);
  points.push([east, south], [east, north]);
  return { type: 'MultiPoint', coordinates: points };
}

/** A conformal conic projection fitted to `extent` at {@link MAP_WIDTH}, and the map's height. */
export function fitProjection(extent: Extent): { projection: GeoProjection; height: number } {
  const span = extent.north - extent.south;
  const projection = geoConicConformal()
    .parallels([extent.south + span / 6, extent.north - span / 6])
    .rotate([-(extent.west + extent.east) / 2, 0])
    .fitWidth(MAP_WIDTH, extentOutline(extent));
  const [[, top], [, bottom]] = geoPath(projection).bounds(extentOutline(extent));
  const height = Math.ceil(bottom - Math.min(0, top));
  projection.clipExtent([
    [0, 0],
    [MAP_WIDTH, height],
  ]);
  return { projection, height };
}

function inExtent(place: Place, extent: Extent): boolean {
  const { lat, lon } = place.coordinates;
  return lon >= extent.west && lon <= extent.east && lat >= extent.south && lat <= extent.north;
}

/** Builds the pack's map, or says why it cannot. */
export function projectPackMap(
  pack: Pack,
  spec: MapSpec,
  sources: MapSources,
  /** What a pin says (a translation's words); the map's label or the place's name by default. */
  labelOf: (place: Place) => string = (place) => spec.labels?.[place.id] ?? place.name,
): MapResult {
  const problems: PackProblem[] = [];
  const detailExtent = spec.detail?.extent;
  const onDetail = (place: Place) => detailExtent !== undefined && inExtent(place, detailExtent);
  const regions = claimedShapes(spec, sources, problems);
  const placeCountries = new Set(
    pack.places.filter((p) => p.kind === 'country').map((p) => p.name),
  );
  const names = new Set(sources.countries.features.map((f) => f.properties.name));
  if (!names.has(spec.origin))
    problems.push({ path: 'map.origin', message: `no country named "${spec.origin}"` });

  const drawPanel = (id: MapPanel['id'], extent: Extent, places: Place[]): MapPanel => {
    const { projection, height } = fitProjection(extent);
    const path = geoPath({
      stream: (sink) => projection.stream(thinningStream(sink, 0.8)),
    }).digits(1);
    const countries: MapCountry[] = [];
    for (const feature of sources.countries.features) {
      const d = path(feature as GeoPermissibleObjects);
      if (!d) continue;
      const name = feature.properties.name;
      const role = name === spec.origin ? 'origin' : placeCountries.has(name) ? 'place' : 'other';
      countries.push({ name, role, d });
    }
    const claimed: MapRegion[] = [];
    for (const region of regions) {
      const d = region.features.map((f) => path(f as GeoPermissibleObjects) ?? '').join('');
      if (d) claimed.push({ place: region.place, d });
    }
    const spots = pinSpots(pack, places, projection, height, problems, id);
    const routes = id === 'main' ? drawRoutes(pack, spots, problems) : [];
    const pins = labelPins(spots, routes, height, labelOf);
    return { id, width: MAP_WIDTH, height, countries, claimed, routes, pins };
  };

  const main = drawPanel(
    'main',
    spec.extent,
    pack.places.filter((place) => !onDetail(place)),
  );
  const panels = [main];
  if (spec.detail) {
    const detail = drawPanel(
      'detail',
      spec.detail.extent,
      pack.places.filter((place) => onDetail(place)),
    );
    detail.title = spec.detail.title;
    main.detailFrame = frame(spec.detail.extent, spec.extent);
    panels.push(detail);
  }
  if (problems.length > 0) return { ok: false, error: problems };
  return { ok: true, value: { panels, claimedLabel: spec.claimed.label, origin: spec.origin } };
}

function claimedShapes(
  spec: MapSpec,
  sources: MapSources,
  problems: PackProblem[],
): { place: string; features: Feature[] }[] {
  return spec.claimed.regions.map((region, i) => ({
    place: region.place,
    features: region.boundaries.flatMap((code, j) => {
      const found = sources.regions.features.filter((f) => f.id === code);
      if (found.length !== 1)
        problems.push({
          path: `map.claimed.regions[${i}].boundaries[${j}]`,
          message:
            found.length === 0
              ? `unknown boundary "${code}"`
              : `boundary "${code}" is ambiguous (${found.length} shapes)`,
        });
      return found.length === 1 ? found : [];
    }),
  }));
}

interface Spot {
  place: Place;
  at: Point;
  /** Where the place really is, when its pin was nudged. */
  anchor?: Point;
}

/** Where each place's pin goes, nudged apart where two fall on the same spot. */
function pinSpots(
  pack: Pack,
  places: Place[],
  projection: GeoProjection,
  height: number,
  problems: PackProblem[],
  panel: MapPanel['id'],
): Spot[] {
  const spots: Spot[] = [];
  for (const place of places) {
    const projected = projection([place.coordinates.lon, place.coordinates.lat]);
    if (!projected || !inside(projected, MAP_WIDTH, height)) {
      problems.push({
        path: `places[${pack.places.indexOf(place)}].coordinates`,
        message: `"${place.id}" falls outside the ${panel} map; widen map.extent`,
      });
      continue;
    }
    spots.push({ place, at: projected });
  }
  // Two pins on one spot (a country shown at its capital, and the capital): nudge the
  // approximate one down and to the left, and keep where it really is for a leader line.
  for (const spot of spots) {
    const clash = spots.find((other) => other !== spot && distance(other.at, spot.at) < 8);
    if (clash && spot.place.coordinates.approximate && !clash.anchor) {
      spot.anchor = spot.at;
      spot.at = [spot.at[0] - 9, spot.at[1] + 9];
    }
  }
  return spots;
}

/** Pins with their labels placed clear of other pins, labels and route lines. */
function labelPins(
  spots: Spot[],
  routes: MapRoute[],
  height: number,
  labelOf: (place: Place) => string,
): MapPin[] {
  const sides = placeLabels(
    spots.map(({ place, at }) => ({ at, text: labelOf(place) })),
    MAP_WIDTH,
    height,
    routes.flatMap((route) => curvePoints(route.d)),
  );
  const r = (n: number) => Math.round(n * 10) / 10;
  return spots.map(({ place, at, anchor }, i) => ({
    place: place.id,
    name: place.name,
    label: labelOf(place),
    kind: place.kind,
    x: r(at[0]),
    y: r(at[1]),
    side: sides[i] ?? 'right',
    anchor: anchor && { x: r(anchor[0]), y: r(anchor[1]) },
  }));
}

function drawRoutes(pack: Pack, spots: Spot[], problems: PackProblem[]): MapRoute[] {
  const pinAt = new Map(spots.map((spot) => [spot.place.id, spot.at]));
  const names = new Map(pack.places.map((place) => [place.id, place.name]));
  return pack.routes.flatMap((route, i) => {
    const stops = [route.from, route.via, route.to].filter((id): id is string => id !== undefined);
    const points = stops.map((id) => pinAt.get(id));
    if (points.some((point) => point === undefined)) {
      problems.push({
        path: `routes[${i}]`,
        message: 'every place of a route must be on the main map',
      });
      return [];
    }
    return [
      {
        id: route.id,
        to: names.get(route.to) ?? route.to,
        via: route.via === undefined ? route.crossing : names.get(route.via),
        ...routeCurve(points as Point[], 6),
      },
    ];
  });
}

/** The detail extent's outline on the main map. */
function frame(detail: Extent, main: Extent): string {
  const { projection } = fitProjection(main);
  const { west, south, east, north } = detail;
  const ring: [number, number][] = [];
  for (let lon = west; lon <= east; lon += 0.5) ring.push([lon, north]);
  for (let lon = east; lon >= west; lon -= 0.5) ring.push([lon, south]);
  const points = ring.map((p) => projection(p)).filter((p): p is [number, number] => p !== null);
  return `M${points.map(([x, y]) => `${x.toFixed(1)},${y.toFixed(1)}`).join('L')}Z`;
}

function inside([x, y]: Point, width: number, height: number): boolean {
  return x >= 0 && x <= width && y >= 0 && y <= height;
}

function distance(a: Point, b: Point): number {
  return Math.hypot(a[0] - b[0], a[1] - b[1]);
}
