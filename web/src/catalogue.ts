// What a language's words are: a pattern with {0}, {1}, ... arguments, or a plural entry
// chosen by argument {0}, by key. Each language is its own chunk (catalogue_en.ts,
// catalogue_it.ts), so a page loads the words of the language it shows and no other.

export type Entry = string | { one: string; other: string };
export type Catalogue = Record<string, Entry>;

// The files of one language, merged. Globbed rather than listed so that an entry moving
// between files of the catalogue needs no change here.
export function merge(files: Record<string, Catalogue>): Catalogue {
  return Object.assign({}, ...Object.values(files)) as Catalogue;
}
