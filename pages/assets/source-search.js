// A finder's search inside the reports of every source (issue 23): each partnership's own Pagefind bundle
// (<site>/pagefind/, sent with Access-Control-Allow-Origin: *) is merged into a search made with the finder's own
// Pagefind, and a match is kept only for a review the finder lists today, whatever a source's bundle still holds.
//
// The call (from the finder's page, its pagefind module already imported from the finder's own /pagefind/pagefind.js):
//
//   import { searchSources } from "./source-search.js";
//   const { matches, skipped, incomplete } = await searchSources(pagefind, query, sources, listed, { limit, timeoutMs });
//   (options, all optional: limit 50 matches; timeoutMs 10000 a step; noWorker, Pagefind on the page's own thread)
//
//   sources: [{ id: "northshire", name: "Northshire …", bundle: "https://x.org/pagefind/", site: "https://x.org/" }]
//   listed:  Map (or object) from a listed review's page address (absolute) to its key, "northshire/child-h"
//   matches: [{ key, source, url, excerpt, documents: [{ title, url, excerpt }] }], best first, one per review;
//            url is the listed page address; a document's url is that page with its section (#document-1)
//   skipped: [{ id, name, message }] for each source that could not be searched ("The reports of … could not be
//            searched just now."); the others still answer
//   incomplete: a message when some matches could not be read, or null
//   It rejects only when the finder's own Pagefind cannot load ("The search inside the reports is not available at
//   the moment."), or is older than 1.6 (no createInstance).
//
// An excerpt is Pagefind's text with <mark> around the words found: insert it as nodes
// (window.finderResults.excerptNodes), never as HTML. Every other value is text for textContent.
//
// What runs: only the finder's own pagefind.js, its worker and its WebAssembly. A merged bundle gives data alone
// (pagefind-entry.json, the .pf_meta, .pf_index, .pf_filter and .pf_fragment files, fetched and decoded by the
// finder's code): Pagefind never loads a merged bundle's pagefind.js, worker or WebAssembly, so script-src names no
// source. Pagefind's worker is not bound by the page's <meta> policy; on the page's own thread (its fallback when the
// worker cannot start) the reads need connect-src to name each source's origin. A result says where it came from only through its address: each source is merged with a base address of
// its own, made of a token no bundle can know, so an address a bundle gives as absolute (or on another source's
// site) is dropped, as is any address that is not a listed review of that same source.

const FILTER = "learning-reviews-index";
const DEFAULT_TIMEOUT_MS = 10_000;

const within = (promise, ms) => Promise.race([promise, new Promise((_, reject) => setTimeout(() => reject(new Error("timed out")), ms))]);
const pageOf = (address) => {
  const url = new URL(address);
  url.hash = "";
  return url.href;
};
const text = (value) => (typeof value === "string" ? value : "");
const messageFor = (source) => `The reports of ${source.name || source.id} could not be searched just now.`;

/** The sources that can be merged: absolute http(s) addresses, the site ending in a slash. */
function usable(source) {
  try {
    const bundle = new URL(source.bundle);
    const site = new URL(source.site);
    if (!/^https?:$/.test(bundle.protocol) || !/^https?:$/.test(site.protocol) || typeof source.id !== "string") return null;
    if (!site.pathname.endsWith("/")) site.pathname += "/";
    site.hash = "";
    site.search = "";
    return { ...source, bundle: bundle.href.replace(/([^/])$/, "$1/"), site: site.href };
  } catch {
    return null;
  }
}

/**
 * A Pagefind instance of its own (the finder's search is left alone): the finder's bundle, whose records are left out
 * by a filter, and every source of `group` that loads in time. A source that fails would fail every search of the
 * instance, so the instance is made again without it.
 */
async function merged(pagefind, group, { base, timeoutMs, noWorker }) {
  let good = group;
  const failed = [];
  for (;;) {
    const instance = pagefind.createInstance({ mergeFilter: { [FILTER]: "finder" }, ...(noWorker ? { noWorker } : {}) });
    try {
      // The finder's own bundle brings the WebAssembly: without it nothing can be searched.
      await within(instance.search(""), timeoutMs);
    } catch {
      instance.destroy();
      throw new Error("The search inside the reports is not available at the moment.");
    }
    const tries = await Promise.allSettled(
      good.map((source) => within(instance.mergeIndex(source.bundle, { baseUrl: base(source), mergeFilter: { [FILTER]: "source" } }), timeoutMs)),
    );
    const now = good.filter((_, i) => tries[i].status === "rejected");
    if (!now.length) return { instance, good, failed };
    instance.destroy();
    failed.push(...now);
    good = good.filter((source) => !now.includes(source));
  }
}

/** The source and listed page of a result's address, or null: only an address under its own base and site. */
function placeOf(address, sources, token) {
  const found = /^\/([^/]+)\/(\d+)\/(.*)$/s.exec(text(address));
  if (!found || found[1] !== token) return null;
  const source = sources[Number(found[2])];
  if (!source) return null;
  try {
    const url = new URL(found[3], source.site);
    if (!url.href.startsWith(source.site)) return null;
    return { source, page: pageOf(url.href), anchor: url.hash.slice(1) };
  } catch {
    return null;
  }
}

/** A result's match, or null when its address is not a review the finder lists today, of the source it came from. */
function matchOf(data, sources, token, listed) {
  const place = placeOf(data?.url, sources, token);
  const key = place && listed.get(place.page);
  if (!key?.startsWith(`${place.source.id}/`)) return null;
  const documents = (Array.isArray(data.sub_results) ? data.sub_results : [])
    .map((sub) => ({ sub, at: placeOf(sub?.url, sources, token) }))
    .filter(({ at }) => at && at.source === place.source && at.page === place.page && /^document-\d+$/.test(at.anchor))
    .map(({ sub, at }) => ({ title: text(sub.title), url: `${place.page}#${at.anchor}`, excerpt: text(sub.excerpt) }));
  return { key, source: place.source.id, url: place.page, excerpt: documents[0]?.excerpt ?? text(data.excerpt), documents };
}

/** Search `group` merged; a group whose search fails is searched a source at a time, so that one bad bundle fails alone. */
async function searchGroup(pagefind, query, group, options) {
  const { instance, good, failed } = await merged(pagefind, group, options);
  try {
    if (!good.length) return { found: [], failed, instances: [] };
    const search = await within(instance.search(query, { filters: { [FILTER]: "source" } }), options.timeoutMs);
    return { found: (search?.results ?? []).map((result) => ({ result, instance })), failed, instances: [instance] };
  } catch {
    instance.destroy();
    if (good.length === 1) return { found: [], failed: [...failed, ...good], instances: [] };
    const each = await Promise.all(good.map((source) => searchGroup(pagefind, query, [source], options)));
    return {
      found: each.flatMap((g) => g.found).sort((a, b) => b.result.score - a.result.score),
      failed: [...failed, ...each.flatMap((g) => g.failed)],
      instances: each.flatMap((g) => g.instances),
    };
  }
}

/** Search inside the reports of every source: see the top of this file for the call and what it gives. */
export async function searchSources(pagefind, query, sources, listed, { limit = 50, timeoutMs = DEFAULT_TIMEOUT_MS, noWorker = false } = {}) {
  const today = new Map();
  for (const [address, key] of listed instanceof Map ? listed : Object.entries(listed ?? {})) {
    try {
      if (typeof key === "string") today.set(pageOf(address), key);
    } catch {}
  }
  const all = (sources ?? []).map(usable);
  const skipped = (sources ?? []).filter((_, i) => !all[i]).map((source) => ({ id: source?.id, name: source?.name, message: messageFor(source ?? {}) }));
  const ready = all.filter(Boolean);
  if (typeof pagefind?.createInstance !== "function")
    throw new Error("The search inside the reports needs the finder's Pagefind 1.6 or later (createInstance).");
  const q = String(query ?? "").trim();
  if (!q || !ready.length) return { matches: [], skipped, incomplete: null };
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  const token = `lr-${[...bytes].map((b) => b.toString(16).padStart(2, "0")).join("")}`;
  const base = (source) => `/${token}/${ready.indexOf(source)}/`;
  const { found, failed, instances } = await searchGroup(pagefind, q, ready, { base, timeoutMs, noWorker });
  const matches = [];
  let unread = 0;
  try {
    for (let at = 0; at < found.length && matches.length < limit; at += 10) {
      const batch = await Promise.allSettled(found.slice(at, at + 10).map(({ result }) => within(result.data(), timeoutMs)));
      for (const one of batch) {
        if (one.status === "rejected") unread++;
        const match = one.status === "fulfilled" ? matchOf(one.value, ready, token, today) : null;
        if (match && matches.length < limit && !matches.some((m) => m.key === match.key)) matches.push(match);
      }
    }
  } finally {
    for (const instance of instances) instance.destroy();
  }
  for (const source of failed) skipped.push({ id: source.id, name: source.name, message: messageFor(source) });
  const incomplete = unread ? "Some matches inside the reports could not be read just now: search again to try once more." : null;
  return { matches, skipped, incomplete };
}
