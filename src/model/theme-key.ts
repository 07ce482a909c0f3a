import slugify from "@sindresorhus/slugify";

/**
 * A theme's address on the site (`Domestic abuse` is `domestic-abuse`, `Straße`
 * is `strasse`, `child's voice` is `childs-voice`), made the way Eleventy's own
 * `slugify` filter makes it. Two spellings with one address are refused by validation.
 */
export function themeKey(theme: string): string {
  return slugify(theme.normalize("NFKC"), { decamelize: false });
}
