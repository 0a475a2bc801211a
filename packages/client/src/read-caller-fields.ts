// Reads a caller's options object once, field by field, so its checks and its
// use see the same values (a getter runs once) and a getter or Proxy trap that
// throws becomes a problem to report, naming the field: its error is dropped,
// because its message may hold the value (README: errors never show a value).

/** A caller's object, read once. */
export interface CallerFields<Name extends string> {
  /** Each known field's value (inherited ones too); absent when its read threw. */
  values: Partial<Record<Name, unknown>>;
  /** Own enumerable keys that are not known fields. */
  unknownKeys: string[];
  /** Known fields whose read threw. */
  unreadable: Name[];
  /** Whether listing the object's keys threw (a Proxy, a revoked Proxy). */
  keysUnreadable: boolean;
}

export const readCallerFields = <Name extends string>(
  object: object,
  names: readonly Name[],
): CallerFields<Name> => {
  const known = new Set<string>(names);
  let unknownKeys: string[] = [];
  let keysUnreadable = false;
  try {
    unknownKeys = Object.keys(object).filter((key) => !known.has(key));
  } catch {
    keysUnreadable = true;
  }
  const values: Partial<Record<Name, unknown>> = {};
  const unreadable: Name[] = [];
  for (const name of names) {
    try {
      values[name] = (object as Record<string, unknown>)[name];
    } catch {
      unreadable.push(name);
    }
  }
  return { values, unknownKeys, unreadable, keysUnreadable };
};
