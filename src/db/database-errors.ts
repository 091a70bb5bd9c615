// What the database said, read through the wrappers around it (Drizzle puts the driver's error
// in `cause`): one walk for every place that needs an error's SQLSTATE or connection code.

export const UNIQUE_VIOLATION = '23505';
/** Text PostgreSQL cannot store: a NUL byte, an invalid or untranslatable sequence. */
export const REJECTED_TEXT = ['22021', '22P05'] as const;

type Wrapped = { code?: unknown; message?: unknown; cause?: unknown } | null;

/** Each error in the chain of causes, the outermost first (a few levels at most). */
function* chain(error: unknown): Generator<NonNullable<Wrapped>> {
  for (let e = error as Wrapped, depth = 0; e && typeof e === 'object' && depth < 4; e = e.cause as Wrapped, depth++) yield e;
}

export function hasDatabaseCode(error: unknown, codes: readonly string[]): boolean {
  for (const e of chain(error)) if (typeof e.code === 'string' && codes.includes(e.code)) return true;
  return false;
}

export function hasDatabaseMessage(error: unknown, pattern: RegExp): boolean {
  for (const e of chain(error)) if (typeof e.message === 'string' && pattern.test(e.message)) return true;
  return false;
}
