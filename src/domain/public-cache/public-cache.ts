/**
 * What the public pages show and no request changes (the organisations, their routes, questionnaires
 * and readers, the anonymous start page itself), kept in memory while nothing of it changed.
 *
 * Every committed change to the tables it comes from is reported by the database's change feed
 * (src/db/change-feed.ts), and then everything is forgotten: the tables change rarely, and one rule
 * is easier to keep right than many. A value read while a change was on its way is not kept (the
 * generation moved), a value is never older than `maxAgeMs`, and while the feed is not live nothing
 * is served from memory. Bounded: the oldest entry goes first.
 *
 * Sealing a report never reads from here: it verifies its readers afresh in its own transaction.
 */
export class PublicCache {
  private generation = 0;
  private readonly entries = new Map<string, { generation: number; at: number; value: unknown }>();
  private readonly loading = new Map<string, { generation: number; value: Promise<unknown> }>();
  private isLive: () => boolean = () => false;

  constructor(
    private readonly max = 500,
    private readonly maxAgeMs = 60_000,
  ) {}

  /** Connects the cache to the feed that tells it about changes. */
  follow(live: () => boolean): void {
    this.isLive = live;
  }

  /** Something changed: nothing kept so far may be served again. */
  forget(): void {
    this.generation += 1;
    this.entries.clear();
    this.loading.clear();
  }

  /** The kept value for `key`, or `load`'s (kept when nothing changed meanwhile). */
  async get<T>(key: string, load: () => Promise<T>): Promise<T> {
    if (!this.isLive()) return load();
    const kept = this.fresh(key);
    if (kept) return kept.value as T;
    const pending = this.loading.get(key);
    if (pending && pending.generation === this.generation) return pending.value as Promise<T>;
    const generation = this.generation;
    const now = Date.now();
    const value = load();
    this.loading.set(key, { generation, value });
    try {
      const loaded = await value;
      if (generation === this.generation && this.isLive()) this.keep(key, { generation, at: now, value: loaded });
      return loaded;
    } finally {
      if (this.loading.get(key)?.value === value) this.loading.delete(key);
    }
  }

  /** The kept value for `key` if there is one that may be served; never loads. */
  peek<T>(key: string): T | undefined {
    if (!this.isLive()) return undefined;
    return this.fresh(key)?.value as T | undefined;
  }

  /** Keeps `value` for `key` if nothing changed since `generation` (from `current()`) was read. */
  put(key: string, value: unknown, generation: number): void {
    if (generation === this.generation && this.isLive()) this.keep(key, { generation, at: Date.now(), value });
  }

  /** How many values are kept now. */
  get size(): number {
    return this.entries.size;
  }

  /** The generation now: read it before rendering what `put` keeps. */
  current(): number {
    return this.generation;
  }

  /** The entry for `key` if it is of this generation and young enough (one rule for get and peek). */
  private fresh(key: string): { value: unknown } | undefined {
    const entry = this.entries.get(key);
    return entry && entry.generation === this.generation && Date.now() - entry.at <= this.maxAgeMs ? entry : undefined;
  }

  private keep(key: string, entry: { generation: number; at: number; value: unknown }): void {
    this.entries.delete(key);
    this.entries.set(key, entry);
    while (this.entries.size > this.max) this.entries.delete(this.entries.keys().next().value!);
  }
}
