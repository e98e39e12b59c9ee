/**
 * What one page saw since its last report: comparison-trap posts per account, the seconds they
 * were on screen, and the share of recent posts that looked like traps (the reminders' comparison
 * signal). Each post counts once per page (by its key), however often the site re-renders it.
 * Bounded: a page left open for hours keeps a few thousand keys at most. Pure.
 */
import { MAX_SECONDS_PER_SIGHTING, MAX_SIGHTINGS_PER_REPORT, type Sighting } from './exposure';

/** Posts the comparison signal looks back over. */
export const SIGNAL_WINDOW = 30;
/** Fewer posts than this say nothing yet. */
export const SIGNAL_MIN_POSTS = 8;
/** Post keys remembered per page (older ones are forgotten first). */
export const MAX_REMEMBERED_POSTS = 3_000;

export interface SeenPost {
  /** Stable for one post: its permalink, or author and text. */
  key: string;
  handle?: string;
  name?: string;
  trap: boolean;
  themes: readonly string[];
}

interface Pending {
  handle: string;
  name?: string;
  trapPosts: number;
  seconds: number;
  themes: Record<string, number>;
}

export class SightingTally {
  private readonly counted = new Set<string>();
  private readonly recent: boolean[] = [];
  private pending = new Map<string, Pending>();

  /** Whether this post was counted on this page already. */
  has(key: string): boolean {
    return this.counted.has(key);
  }

  /** Note a post as seen; false when it was counted before on this page. */
  add(post: SeenPost): boolean {
    if (this.counted.has(post.key)) return false;
    this.counted.add(post.key);
    if (this.counted.size > MAX_REMEMBERED_POSTS) {
      const oldest = this.counted.values().next().value;
      if (oldest !== undefined) this.counted.delete(oldest);
    }
    this.recent.push(post.trap);
    if (this.recent.length > SIGNAL_WINDOW) this.recent.shift();
    if (post.trap && post.handle) {
      const entry = this.entry(post.handle, post.name);
      if (!entry) return true;
      entry.trapPosts += 1;
      for (const theme of post.themes) entry.themes[theme] = (entry.themes[theme] ?? 0) + 1;
    }
    return true;
  }

  /** Seconds a trap post from `handle` was on screen. */
  addSeconds(handle: string, seconds: number): void {
    if (!(seconds > 0)) return;
    const entry = this.entry(handle);
    if (entry) entry.seconds = Math.min(MAX_SECONDS_PER_SIGHTING, entry.seconds + seconds);
  }

  private entry(handle: string, name?: string): Pending | undefined {
    const key = handle.toLowerCase();
    let entry = this.pending.get(key);
    if (!entry) {
      if (this.pending.size >= MAX_SIGHTINGS_PER_REPORT) return undefined;
      entry = { handle, trapPosts: 0, seconds: 0, themes: {} };
      this.pending.set(key, entry);
    }
    if (name) entry.name = name;
    return entry;
  }

  get hasPending(): boolean {
    return this.pending.size > 0;
  }

  /** The sightings to report, and forget them (put them back with `restore` if sending fails). */
  take(): Sighting[] {
    const sightings = [...this.pending.values()].map((entry) => ({
      handle: entry.handle,
      ...(entry.name ? { name: entry.name } : {}),
      trapPosts: entry.trapPosts,
      seconds: Math.round(entry.seconds * 10) / 10,
      themes: entry.themes,
    }));
    this.pending = new Map();
    return sightings;
  }

  /** Sightings that could not be sent: counted again with whatever came since. */
  restore(sightings: readonly Sighting[]): void {
    for (const sighting of sightings) {
      const entry = this.entry(sighting.handle, sighting.name);
      if (!entry) continue;
      entry.trapPosts += sighting.trapPosts;
      entry.seconds = Math.min(MAX_SECONDS_PER_SIGHTING, entry.seconds + sighting.seconds);
      for (const [theme, count] of Object.entries(sighting.themes)) {
        entry.themes[theme] = (entry.themes[theme] ?? 0) + count;
      }
    }
  }

  /** Share of the last posts that looked like traps; undefined until enough were seen. */
  signal(): number | undefined {
    if (this.recent.length < SIGNAL_MIN_POSTS) return undefined;
    return this.recent.filter(Boolean).length / this.recent.length;
  }
}
