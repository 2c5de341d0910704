/**
 * Reads a V8 CPU profile (CDP `Profiler.stop`) for the time spent in one extension's scripts: the
 * samples whose stack holds a frame from `chrome-extension://<id>/` anywhere (so DOM calls, and
 * compiling and running the script's top level, count for the script that made them).
 */

/** As much of a CDP `Profiler.Profile` as is read here. */
export interface CpuProfile {
  nodes: {
    id: number;
    callFrame: { url: string; functionName: string; lineNumber?: number };
    children?: number[];
  }[];
  /** µs, monotonic clock. */
  startTime: number;
  endTime: number;
  samples?: number[];
  /** µs between each sample and the one before (the first: since `startTime`). */
  timeDeltas?: number[];
}

/** How regularly the profile was sampled (the sampler can be starved on a busy machine). */
export interface SamplingSummary {
  samples: number;
  /** Span of the profile, ms. */
  spanMs: number;
  /** Median gap between samples, µs (what `Profiler.setSamplingInterval` really gave). */
  medianIntervalUs: number;
  /** Longest gap between samples, ms: work shorter than this can be missed or over-counted. */
  maxGapMs: number;
}

/** An extension's time in a profile, ms. */
export interface ExtensionTime {
  /** Everything counted: `scriptMs` plus `gcMs`. */
  totalMs: number;
  /** Samples with a frame of the extension on the stack (its compile, run and DOM calls). */
  scriptMs: number;
  /**
   * Garbage collection that interrupted the extension's code: V8 records GC samples without a
   * stack, so a run of GC samples counts here only when the samples just before and just after it
   * are the extension's (an allocation in its code triggered it). GC it caused later is missed.
   */
  gcMs: number;
}

/**
 * The time of the profile spent in the extension `extensionId`'s scripts. Each sample stands for
 * the time from halfway after the previous sample to halfway before the next: with irregular
 * sampling (gaps of several ms seen on a 2-core VM) this errs far less than giving each sample
 * the whole gap before or after it.
 */
export function extensionTime(profile: CpuProfile, extensionId: string): ExtensionTime {
  const prefix = `chrome-extension://${extensionId}/`;
  const inExtension = stacksMatching(profile, (url) => url.startsWith(prefix));
  const gc = new Set(
    profile.nodes
      .filter((node) => node.callFrame.functionName === '(garbage collector)')
      .map((node) => node.id),
  );
  const samples = profile.samples ?? [];
  const bracketedGc = new Set<number>();
  for (let i = 0; i < samples.length; i++) {
    if (!gc.has(samples[i] ?? -1)) continue;
    let end = i;
    while (end + 1 < samples.length && gc.has(samples[end + 1] ?? -1)) end += 1;
    if (inExtension.has(samples[i - 1] ?? -1) && inExtension.has(samples[end + 1] ?? -1)) {
      for (let j = i; j <= end; j++) bracketedGc.add(j);
    }
    i = end;
  }
  const scriptMs = sampledMs(profile, (node) => inExtension.has(node));
  const gcMs = sampledMs(profile, (_node, index) => bracketedGc.has(index));
  return { totalMs: scriptMs + gcMs, scriptMs, gcMs };
}

/** `extensionTime(profile, extensionId).totalMs`. */
export function extensionMs(profile: CpuProfile, extensionId: string): number {
  return extensionTime(profile, extensionId).totalMs;
}

/**
 * Milliseconds of the profile in which the thread was doing anything at all (every sample but
 * `(idle)`): for a service worker's own thread, all of it is the extension's.
 */
export function busyMs(profile: CpuProfile): number {
  const busy = profile.nodes
    .filter((node) => node.callFrame.functionName !== '(idle)')
    .map((node) => node.id);
  const nodes = new Set(busy);
  return sampledMs(profile, (node) => nodes.has(node));
}

/** The extension ids whose scripts appear in the profile (to check an id from outside). */
export function extensionIdsIn(profile: CpuProfile): string[] {
  const ids = new Set<string>();
  for (const node of profile.nodes) {
    const match = /^chrome-extension:\/\/([a-p]{32})\//.exec(node.callFrame.url);
    if (match?.[1]) ids.add(match[1]);
  }
  return [...ids];
}

/** Sample count, span, median interval and longest gap of `profile`. */
export function samplingSummary(profile: CpuProfile): SamplingSummary {
  const deltas = (profile.timeDeltas ?? []).slice(1).sort((a, b) => a - b);
  return {
    samples: profile.samples?.length ?? 0,
    spanMs: (profile.endTime - profile.startTime) / 1000,
    medianIntervalUs: deltas[Math.floor(deltas.length / 2)] ?? NaN,
    maxGapMs: (deltas[deltas.length - 1] ?? NaN) / 1000,
  };
}

/** Ids of the nodes that have, themselves or above them, a frame whose url passes `test`. */
function stacksMatching(profile: CpuProfile, test: (url: string) => boolean): Set<number> {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes)
    for (const child of node.children ?? []) parent.set(child, node.id);
  const matching = new Set<number>();
  for (const node of profile.nodes) {
    for (let id: number | undefined = node.id; id !== undefined; id = parent.get(id)) {
      if (test(byId.get(id)?.callFrame.url ?? '')) {
        matching.add(node.id);
        break;
      }
    }
  }
  return matching;
}

/** Time of the samples `counts` picks (by node id and index), ms, weighted as in `extensionTime`. */
function sampledMs(profile: CpuProfile, counts: (node: number, index: number) => boolean): number {
  const weights = sampleWeightsUs(profile);
  let total = 0;
  (profile.samples ?? []).forEach((node, i) => {
    if (counts(node, i)) total += weights[i] ?? 0;
  });
  return total / 1000;
}

/**
 * The time each sample stands for, µs: from halfway after the sample before it to halfway before
 * the one after, and at most twice the usual interval: on a busy machine the main thread waits
 * for a core between samples, and a gap of 5–35 ms next to one sample of the extension's would
 * otherwise be counted as its CPU (see README "Traps").
 */
export function sampleWeightsUs(profile: CpuProfile): number[] {
  const times = sampleTimes(profile);
  const samples = profile.samples ?? [];
  const cap = 2 * samplingSummary(profile).medianIntervalUs;
  return samples.map((_node, i) => {
    const time = times[i] ?? profile.endTime;
    const before = i > 0 ? (time + (times[i - 1] ?? time)) / 2 : time;
    const after = i + 1 < samples.length ? (time + (times[i + 1] ?? time)) / 2 : profile.endTime;
    return Math.min(after - before, Number.isFinite(cap) ? cap : after - before);
  });
}

/** Each sample's time, µs on the profile's clock. */
function sampleTimes(profile: CpuProfile): number[] {
  let time = profile.startTime;
  return (profile.timeDeltas ?? []).map((delta) => (time += delta));
}
