/**
 * The one-time values of the forms counted lately, in memory and bounded (the oldest go first): a
 * double click or a resent form is not a second choice. A value is random and says nothing of who
 * sent it.
 */
export class RecentForms {
  private readonly seen = new Set<string>();
  constructor(private readonly limit = 10_000) {}

  /** True the first time a value is offered, false after. */
  firstUse(value: string): boolean {
    if (this.seen.has(value)) return false;
    this.seen.add(value);
    if (this.seen.size > this.limit) this.seen.delete(this.seen.values().next().value!);
    return true;
  }
}
