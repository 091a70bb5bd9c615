import { AppError } from './errors.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/** An identifier from a URL or form: anything that is not one of ours is simply "not found". */
export function requireId(value: string): string {
  if (!isUuid(value)) throw new AppError('not_found');
  return value;
}
