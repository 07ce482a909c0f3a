import * as z from "zod";
import { stringify } from "yaml";
import { documentKindLabels, FORM_HINTS, REVIEW_SUMMARY, STATUS_LABELS, typeLabels, UPLOAD_HINT } from "./labels.ts";
import { reviewSchema } from "../content/review-schema.ts";
import type { SiteSettings } from "../model/site-settings.ts";
import { DOCUMENT_EXTENSIONS } from "../model/document-formats.ts";
import { UPLOADS_FOLDER } from "../model/review.ts";
import { monthsText } from "../model/dates.ts";

/** A JSON Schema node, as zod writes it (only what the CMS form needs). */
interface JsonNode {
  type?: string;
  title?: string;
  description?: string;
  enum?: string[];
  format?: string;
  pattern?: string;
  allOf?: { pattern?: string }[];
  maxLength?: number;
  items?: JsonNode;
  properties?: Record<string, JsonNode>;
  required?: string[];
}

type CmsField = Record<string, unknown>;

/** The folder the form uploads documents into, from the project's root. */
const UPLOADS_PATH = `reviews/${UPLOADS_FOLDER}`;

/** Every pattern a string must match, as one regular expression (the CMS takes one). */
export function combinedPattern(node: JsonNode): string | undefined {
  const patterns = [node.pattern, ...(node.allOf ?? []).map((part) => part.pattern)].filter((p): p is string => !!p);
  if (patterns.length <= 1) return patterns[0];
  // Each pattern as a lookahead from the start: all must match somewhere, as in JSON Schema.
  return `^${patterns.map((p) => (p.startsWith("^") ? `(?=${p.slice(1)})` : `(?=[\\s\\S]*?${p})`)).join("")}`;
}

function field(name: string, node: JsonNode, required: boolean, options: Record<string, Record<string, string>>): CmsField {
  const common: CmsField = {
    name,
    label: node.title ?? name,
    hint: FORM_HINTS[name] ?? (node.description ?? `At most ${node.maxLength} characters, on one line.`).replaceAll("<id>", "(id)"),
    required,
  };
  if (node.enum) {
    const labels = options[name] ?? {};
    return { ...common, widget: "select", options: node.enum.map((value) => ({ label: labels[value] ?? value, value })) };
  }
  if (node.format === "date") {
    // Typed as the site writes it, "20 November 2026": the file's YYYY-MM-DD is made on saving (src/cms/editor-dates.ts).
    return { ...common, widget: "string", maxlength: 40 };
  }
  if (node.type === "array" && node.items?.type === "object") {
    const kindLabels = { kind: documentKindLabels() };
    return {
      ...common,
      widget: "list",
      label_singular: node.items.title,
      summary: "{{fields.title}} ({{fields.kind}})",
      fields: objectFields(node.items, kindLabels),
    };
  }
  if (node.type === "array" && node.items) {
    return { ...common, widget: "list", field: { ...field(name.replace(/s$/, ""), node.items, true, options), label: node.title?.replace(/s$/, "") } };
  }
  const text: CmsField = { ...common, widget: (node.maxLength ?? 0) > 5000 ? "text" : "string" };
  if (node.maxLength !== undefined) text.maxlength = node.maxLength;
  const pattern = node.format === "uri" ? "^https://\\S+$" : combinedPattern(node);
  if (pattern) text.pattern = [pattern, node.description ?? "Not allowed here."];
  return text;
}

function objectFields(node: JsonNode, options: Record<string, Record<string, string>>): CmsField[] {
  return Object.entries(node.properties ?? {}).map(([name, child]) => field(name, child, node.required?.includes(name) ?? false, options));
}

/**
 * The document's `file`: uploaded from the form, saved with the review in one commit. Sveltia CMS cannot put an
 * upload into `reviews/<id>/` ("`{{fields.*}}` tags are not supported in the media folder path", its source
 * says), so uploads go to one folder, `reviews/uploads/`, and the field keeps the file's bare name (an empty
 * public folder), which the build looks for in `reviews/<id>/` and then in `reviews/uploads/`.
 */
function documentFileField(base: CmsField): CmsField {
  const { pattern: _pattern, maxlength: _maxlength, ...rest } = base;
  return {
    ...rest,
    widget: "file",
    media_folder: `/${UPLOADS_PATH}`,
    public_folder: "",
    choose_url: false,
    accept: DOCUMENT_EXTENSIONS.map((ext) => `.${ext}`).join(","),
    hint: UPLOAD_HINT,
  };
}

/**
 * The Sveltia CMS configuration (admin/config.yml), generated from the same zod
 * schema as validation and the JSON Schemas, so that the form cannot drift from
 * the rules: labels and hints, required fields, lengths, patterns, the select
 * lists (areas from site.json), a document's upload. What a form cannot check (a document that is
 * missing, a duplicate id, a withheld review's overview report, a date required
 * unless delayed) is left to `npm run validate`, which CI runs on every change.
 */
export function cmsConfig(site: SiteSettings): Record<string, unknown> {
  const areas = Object.keys(site.areas);
  const review = z.toJSONSchema(reviewSchema(areas), { unrepresentable: "any" }) as JsonNode;
  const fields = objectFields(review, { type: typeLabels(site.retentionMonths), status: STATUS_LABELS, area: site.areas });
  for (const f of fields) {
    if (f.name !== "documents") continue;
    const sub = f.fields as CmsField[];
    const at = sub.findIndex((d) => d.name === "file");
    sub[at] = documentFileField(sub[at]!);
  }
  return {
    // The sign-in page: the partnership's name, and GitHub's OAuth sign-in only with a service to run it (site.json's
    // cms.signInService); the access token, which needs none, always. How to sign in is said by admin/editor-boot.js.
    app_title: `${site.partnership.name}: case reviews editor`,
    backend: {
      name: "github",
      repo: site.cms?.repo ?? "OWNER/REPOSITORY",
      branch: site.cms?.branch ?? "main",
      auth_methods: site.cms?.signInService ? ["oauth", "token"] : ["token"],
      ...(site.cms?.signInService ? { base_url: site.cms.signInService } : {}),
      commit_messages: { update: "Update the case reviews (from the editor)", uploadMedia: "Upload {{path}} (from the editor)" },
    },
    publish_mode: "simple",
    // Where the form uploads documents (see documentFileField); file names made plain ("Overview Report (final).pdf" is saved as overview-report-final.pdf).
    media_folder: UPLOADS_PATH,
    public_folder: `/${UPLOADS_PATH}`,
    // No stock photo libraries (Pexels, Unsplash…) in the file picker: documents only, and no calls to their sites.
    media_libraries: { default: { config: { slugify_filename: true } }, stock_assets: false },
    output: { omit_empty_optional_fields: true },
    collections: [
      {
        name: "reviews",
        label: "Case reviews",
        description: `Add, change or remove reviews. An SCR leaves the site ${monthsText(site.retentionMonths)} after its publication date. Each save is checked again on GitHub, and the nightly build publishes it.`,
        files: [
          {
            name: "reviews",
            // Not "Case reviews" again: the editor's title is the collection's and the file's ("Case reviews › All reviews").
            label: "All reviews",
            file: "_data/reviews.json",
            // Registered by /admin/reviews-editor.js: JSON in the file's one form, each SCR's leaving day, and the build's checks on save.
            format: "reviews-json",
            fields: [
              {
                name: "reviews",
                label: "Reviews",
                label_singular: "review",
                widget: "list",
                root: true,
                // A new review goes first, where the editor opens, as the newest reviews are first in the file.
                add_to_top: true,
                collapsed: true,
                summary: REVIEW_SUMMARY,
                fields,
              },
            ],
          },
        ],
      },
    ],
  };
}

/** As admin/config.yml is written: YAML, with a header saying where it comes from. */
export function cmsConfigText(config: Record<string, unknown>): string {
  const header =
    "# Sveltia CMS configuration for /admin/. Made by `npm run schema` from src/content/review-schema.ts\n# and _data/site.json: do not edit by hand (a test fails when it is out of date).\n";
  return header + stringify(config, { lineWidth: 0 });
}
