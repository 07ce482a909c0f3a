import { absoluteUrl } from "../../catalogue/addresses.ts";

/** `{{ "/feed.xml" | publicUrl(site.url) }}`: the absolute address of a site address, keeping the path the site lives under. */
export function publicUrl(address: string, siteUrl: string): string {
  return absoluteUrl(siteUrl, address);
}
