/**
 * The Places map as the panel draws it: everything already projected to SVG coordinates at build
 * time (`utils/map/project.ts`), so the panel ships path strings and points, not a map library.
 */

/** How a country is filled: the country routes leave from, one the pack has as a place, or other. */
export type CountryRole = 'origin' | 'place' | 'other';

/** A country's outline, clipped to its map. */
export interface MapCountry {
  name: string;
  role: CountryRole;
  /** SVG path data in the map's coordinates. */
  d: string;
}

/** A region shaded as claimed, drawn from admin-1 boundaries. */
export interface MapRegion {
  /** The place it stands for. */
  place: string;
  d: string;
}

/** Which side of its pin a label sits on. */
export type LabelSide =
  | 'right'
  | 'left'
  | 'above'
  | 'below'
  | 'above-right'
  | 'below-right'
  | 'above-left'
  | 'below-left';

/** A place's pin. */
export interface MapPin {
  place: string;
  /** The place's full name (the pin's accessible name). */
  name: string;
  /** What the pin says: the place's name or its shorter map label. */
  label: string;
  kind: 'country' | 'city' | 'region' | 'border-crossing';
  x: number;
  y: number;
  side: LabelSide;
  /** Where the place really is when the pin was nudged off a pin at the same spot. */
  anchor?: { x: number; y: number } | undefined;
}

/** A route's line: a smooth curve and its arrowhead at the destination. */
export interface MapRoute {
  id: string;
  /** The destination's name, for the legend. */
  to: string;
  /** The crossing's name (a place's or the route's own), when the pack gives one. */
  via?: string | undefined;
  d: string;
  /** A closed triangle at the destination end. */
  arrow: string;
}

/** One map: the main one or the detail of a crowded area. */
export interface MapPanel {
  id: 'main' | 'detail';
  /** Heading of a detail map (pack data); the main map's comes from the strings. */
  title?: string | undefined;
  width: number;
  height: number;
  countries: MapCountry[];
  claimed: MapRegion[];
  routes: MapRoute[];
  pins: MapPin[];
  /** On the main map: the outline of the area the detail map shows. */
  detailFrame?: string | undefined;
}

/** The projected Places map of a pack. */
export interface PackMap {
  panels: MapPanel[];
  /** The legend's words for the claimed shading (pack data). */
  claimedLabel: string;
  /** The name of the country routes leave from (pack data). */
  origin: string;
}
