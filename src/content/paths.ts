import path from "node:path";

/** How the reviews file is named in messages to maintainers. */
export const REVIEWS_FILE = "_data/reviews.json";

/** Where a site's content lives, relative to its root folder (the project folder by default). */
export interface ContentPaths {
  root: string;
  reviewsFile: string;
  siteFile: string;
  /** Holds `reviews/<id>/` folders of documents. */
  reviewsDir: string;
}

export function contentPaths(root: string = process.cwd()): ContentPaths {
  return {
    root,
    reviewsFile: path.join(root, "_data", "reviews.json"),
    siteFile: path.join(root, "_data", "site.json"),
    reviewsDir: path.join(root, "reviews"),
  };
}
