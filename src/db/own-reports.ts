/**
 * This process's own commits as its pooled connections reported them, so that the change feed's
 * own connection, which hears the same notifications again a little later, can pass over those and
 * still report a commit that no pooled connection reported (its connection failed, or its reply
 * never arrived). Kept briefly and bounded: an entry nobody took is dropped, and dropping one only
 * makes the public cache forget once more than it had to.
 */
export class OwnReports {
  private readonly backends = new Set<number>();
  private readonly reported = new Map<string, number[]>();

  constructor(
    private readonly keepMs = 10_000,
    private readonly max = 1_000,
  ) {}

  /** A pooled connection with backend `pid` listens from now on. */
  connected(pid: number): void {
    this.backends.add(pid);
  }

  /** The pooled connection with backend `pid` is gone. */
  disconnected(pid: number): void {
    this.backends.delete(pid);
  }

  /** Whether `pid` is one of this pool's connected backends. */
  isOwn(pid: number): boolean {
    return this.backends.has(pid);
  }

  /** Backend `pid` reported its own commit's notification `payload` (before the commit returned). */
  record(pid: number, payload: string | undefined): void {
    if (this.reported.size >= this.max) this.reported.clear();
    const key = `${pid}:${payload ?? ''}`;
    // Pruned here too: while the feed's connection is away nothing is taken, yet commits go on.
    this.reported.set(key, [...this.recent(key), Date.now()]);
  }

  /** Whether that notification was reported already (each report answers one hearing). */
  take(pid: number, payload: string | undefined): boolean {
    const key = `${pid}:${payload ?? ''}`;
    const [found, ...rest] = this.recent(key);
    if (rest.length > 0) this.reported.set(key, rest);
    else this.reported.delete(key);
    return found !== undefined;
  }

  /** How many reports are kept now. */
  get size(): number {
    let count = 0;
    for (const times of this.reported.values()) count += times.length;
    return count;
  }

  /** The times `key` was reported within `keepMs`, oldest first. */
  private recent(key: string): number[] {
    const now = Date.now();
    return (this.reported.get(key) ?? []).filter((at) => now - at <= this.keepMs);
  }

  /** Nothing reported so far will be heard again (the feed's connection is new). */
  clear(): void {
    this.reported.clear();
  }
}
