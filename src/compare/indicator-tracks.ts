// Follows each indicator of one project through the years: one track per indicator, one cell per
// year. An indicator continues a track by its name first; what is left continues a track of the
// year before by a similar name (a renamed indicator), and that is recorded, never done silently.
// Only the year just before is searched by similarity: an indicator dropped in 2022 and a similar
// one new in 2023 are a removal and an addition, not a rename across a gap. A name seen again after
// a gap does continue its track.
import type { Indicator } from '../schema.ts';
import { indicatorKey } from './keys.ts';
import { similarity, SIMILARITY_THRESHOLD } from './similarity.ts';

export interface Appearance {
  indicator: Indicator;
  /** How this year's indicator was tied to the track: it started it, by name, or by a similar name. */
  matchedBy: 'start' | 'name' | 'similarity';
  /** For a match by similarity: the name it was matched to and the score. */
  similarTo?: { name: string; score: number };
}

export interface Track {
  /** One per year given, null where the project had no such indicator that year. */
  cells: (Appearance | null)[];
}

export function buildTracks(years: Indicator[][]): Track[] {
  const tracks: Track[] = [];
  years.forEach((indicators, y) => {
    const latest = (t: Track) => {
      for (let i = y - 1; i >= 0; i--) if (t.cells[i]) return t.cells[i]!.indicator;
      return undefined;
    };
    const taken = new Set<Track>();
    const placed = new Array<boolean>(indicators.length).fill(false);
    const place = (t: Track, i: number, a: Appearance) => {
      t.cells[y] = a;
      taken.add(t);
      placed[i] = true;
    };

    indicators.forEach((ind, i) => {
      const key = indicatorKey(ind.name);
      const t = tracks.find((t) => !taken.has(t) && latest(t)?.horizon === ind.horizon && indicatorKey(latest(t)!.name) === key);
      if (t) place(t, i, { indicator: ind, matchedBy: 'name' });
    });

    const pairs: { i: number; t: Track; score: number; name: string }[] = [];
    indicators.forEach((ind, i) => {
      if (placed[i]) return;
      for (const t of tracks) {
        const prev = y > 0 ? t.cells[y - 1]?.indicator : undefined;
        if (taken.has(t) || !prev || prev.horizon !== ind.horizon) continue;
        const score = similarity(indicatorKey(prev.name), indicatorKey(ind.name));
        if (score >= SIMILARITY_THRESHOLD) pairs.push({ i, t, score, name: prev.name });
      }
    });
    // Best pairs first; ties go to the earlier indicator and the older track, so the result is stable.
    pairs.sort((a, b) => b.score - a.score || a.i - b.i || tracks.indexOf(a.t) - tracks.indexOf(b.t));
    for (const p of pairs) {
      if (placed[p.i] || taken.has(p.t)) continue;
      place(p.t, p.i, { indicator: indicators[p.i], matchedBy: 'similarity', similarTo: { name: p.name, score: p.score } });
    }

    indicators.forEach((ind, i) => {
      if (placed[i]) return;
      const t: Track = { cells: new Array(years.length).fill(null) };
      tracks.push(t);
      place(t, i, { indicator: ind, matchedBy: 'start' });
    });
  });
  return tracks;
}
