import { publicUrl } from "./public-url.ts";

/** The site's own template filters, one per file, registered by the plugin in a loop. */
export const filters = { publicUrl };
