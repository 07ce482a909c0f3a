/**
 * The address form of a theme or other label: lowercase ASCII words joined by
 * hyphens (`Domestic abuse` is `domestic-abuse`). Accents are dropped, so two
 * spellings that differ only by them share an address, which validation reports.
 */
export function slugify(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}
