/** Cheap structural checks the formats' `sniff` functions share: they never throw. */

/** True for a JSON object (not an array, not null). */
export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The first element of `doc[key]` when that is an array whose first element is an object. */
export function firstObjectIn(
  doc: Record<string, unknown>,
  key: string,
): Record<string, unknown> | undefined {
  const list = doc[key];
  const first: unknown = Array.isArray(list) ? list[0] : undefined;
  return isJsonObject(first) ? first : undefined;
}
