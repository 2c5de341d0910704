import type { MapPanel, MapPin, PackMap } from '../utils/map/types';
import { strings } from '../utils/strings';

export interface MapViewProps {
  /** The projected map: shapes, pins and routes, in map units. */
  map: PackMap;
  /** The place whose pin is marked as current, if any. */
  selected: string | null;
  /** A pin (or a claimed region) was chosen. */
  onSelect: (placeId: string) => void;
  /**
   * How many of the map's panels to draw (all when left out): the panel draws them one per frame
   * as it opens. The legend comes with the last.
   */
  panels?: number;
}

/**
 * The Places map: a main map with routes and, for a crowded area, a detail map. Shapes are an
 * SVG image with a title; each pin is a button laid over it (Tab to reach, Enter or Space to
 * select), marked `aria-current` when its place is selected. A legend explains the symbols.
 */
export function MapView({ map, selected, onSelect, panels = Infinity }: MapViewProps) {
  const drawn = map.panels.slice(0, Math.max(1, panels));
  return (
    <div class="map">
      {drawn.map((panel) => (
        <MapPanelView key={panel.id} panel={panel} selected={selected} onSelect={onSelect} />
      ))}
      {drawn.length === map.panels.length && <MapLegend map={map} />}
    </div>
  );
}

function MapPanelView({
  panel,
  selected,
  onSelect,
}: {
  panel: MapPanel;
  selected: string | null;
  onSelect: (placeId: string) => void;
}) {
  const titleId = `map-${panel.id}-title`;
  const title = panel.title ? strings.map.detailTitle(panel.title) : strings.map.title;
  const pct = (value: number, of: number) => `${((value / of) * 100).toFixed(2)}%`;
  return (
    <div class="map-panel" id={`map-${panel.id}`}>
      {panel.title && (
        <p class="map-heading" aria-hidden="true">
          {panel.title}
        </p>
      )}
      <div class="map-frame" style={{ aspectRatio: `${panel.width} / ${panel.height}` }}>
        <svg
          viewBox={`0 0 ${panel.width} ${panel.height}`}
          role="img"
          aria-labelledby={titleId}
          preserveAspectRatio="xMidYMid meet"
        >
          <title id={titleId}>{title}</title>
          <rect class="map-sea" width={panel.width} height={panel.height} />
          {panel.countries.map((country) => (
            <path key={country.name} class={`map-country map-${country.role}`} d={country.d} />
          ))}
          {panel.claimed.map((region) => (
            <path
              key={region.place}
              class={`map-claimed${region.place === selected ? ' is-selected' : ''}`}
              d={region.d}
              onClick={() => onSelect(region.place)}
            />
          ))}
          {panel.detailFrame && <path class="map-detail-frame" d={panel.detailFrame} />}
          {panel.routes.map((route) => (
            <g key={route.id} class="map-route">
              <path class="map-route-line" d={route.d} />
              <path class="map-route-arrow" d={route.arrow} />
            </g>
          ))}
          {panel.pins.map(
            (pin) =>
              pin.anchor && (
                <g key={pin.place} class="map-leader">
                  <line x1={pin.anchor.x} y1={pin.anchor.y} x2={pin.x} y2={pin.y} />
                </g>
              ),
          )}
        </svg>
        <div
          class="map-pins"
          role="group"
          aria-label={panel.title ? strings.map.pins(panel.title) : strings.map.mainPins}
        >
          {panel.pins.map((pin) => (
            <Pin
              key={pin.place}
              pin={pin}
              left={pct(pin.x, panel.width)}
              top={pct(pin.y, panel.height)}
              current={pin.place === selected}
              onSelect={onSelect}
            />
          ))}
        </div>
      </div>
    </div>
  );
}

function Pin({
  pin,
  left,
  top,
  current,
  onSelect,
}: {
  pin: MapPin;
  left: string;
  top: string;
  current: boolean;
  onSelect: (placeId: string) => void;
}) {
  return (
    <button
      type="button"
      class={`pin pin-${pin.kind} pin-${pin.side}`}
      style={{ left, top }}
      data-place={pin.place}
      aria-label={pin.name}
      aria-current={current ? 'true' : undefined}
      onClick={() => onSelect(pin.place)}
    >
      <span class="pin-dot" aria-hidden="true" />
      <span class="pin-label" aria-hidden="true">
        {pin.label}
      </span>
    </button>
  );
}

function MapLegend({ map }: { map: PackMap }) {
  const routes = map.panels.flatMap((panel) => panel.routes);
  const hasDetail = map.panels.some((panel) => panel.detailFrame);
  return (
    <div class="map-legend" role="group" aria-label={strings.map.legend}>
      {routes.length > 0 && (
        <div class="legend-item">
          <svg class="swatch" viewBox="0 0 24 12" aria-hidden="true">
            <path class="map-route-line" d="M1,8 Q10,2 17,6" />
            <path class="map-route-arrow" d="M22,8L15.6,8.9L17.6,3.2Z" />
          </svg>
          <div>
            <p>{strings.map.routes}</p>
            <ul class="legend-routes">
              {routes.map((route) => (
                <li key={route.id}>{strings.map.route(route.to, route.via)}</li>
              ))}
            </ul>
          </div>
        </div>
      )}
      <div class="legend-item">
        <span class="swatch swatch-claimed" aria-hidden="true" />
        <p>{map.claimedLabel}</p>
      </div>
      <div class="legend-item">
        <span class="swatch swatch-origin" aria-hidden="true" />
        <p>{strings.map.origin(map.origin)}</p>
      </div>
      {hasDetail && (
        <div class="legend-item">
          <span class="swatch swatch-frame" aria-hidden="true" />
          <p>{strings.map.detailFrame}</p>
        </div>
      )}
      <p class="map-attribution">{strings.map.attribution}</p>
    </div>
  );
}
