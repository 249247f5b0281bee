/** The keys that two or more of the groups define (never, when every key is defined once). */
export type SharedKeys<Groups extends readonly object[]> = {
  [I in keyof Groups]: {
    [J in keyof Groups]: I extends J ? never : keyof Groups[I] & keyof Groups[J];
  }[number];
}[number];

type Intersection<U> = (U extends unknown ? (value: U) => void : never) extends (value: infer I) => void
  ? I
  : never;

/** Refuses, at compile time, groups that define the same method. */
type DisjointGroups<Groups extends readonly object[]> = [SharedKeys<Groups>] extends [never]
  ? Groups
  : { readonly 'defined by two method groups': SharedKeys<Groups> };

/**
 * Puts the service's method groups (`xxxMethods(context)`) into one object. A method defined by
 * two groups is an error, at compile time and when called, so that no group silently replaces
 * another's method the way object spreads do.
 */
export function composeMethods<const Groups extends readonly object[]>(
  ...groups: Groups & DisjointGroups<Groups>
): Intersection<Groups[number]> {
  const methods: Record<string, unknown> = {};
  for (const group of groups as readonly object[]) {
    for (const [name, method] of Object.entries(group)) {
      if (Object.prototype.hasOwnProperty.call(methods, name)) {
        throw new Error(`The method “${name}” is defined by two method groups.`);
      }
      methods[name] = method;
    }
  }
  return methods as Intersection<Groups[number]>;
}
