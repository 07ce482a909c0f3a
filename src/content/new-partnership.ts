import type { IsoDate } from "../model/dates.ts";
import { type Problem, quote } from "../model/problems.ts";
import { siteSchema } from "../model/site-settings.ts";
import { themeKey } from "../model/theme-key.ts";
import { problemsFromIssues, fieldsAllowed } from "../model/schema-messages.ts";
import { SITE_FILE } from "./site-settings.ts";

/**
 * A new partnership's first settings (`npm run setup`): what it is asked, and the `_data/site.json`, the one
 * clearly fictional example review and its document made from the answers. Pure: scripts/setup.ts asks and writes.
 */
export interface SetupAnswers {
  name: string;
  shortName: string;
  /** The site's public address, `https://…`. */
  url: string;
  /** The areas' names, e.g. ["Northshire", "Southvale"]; their keys are made from them. */
  areas: string[];
  team: string;
  email: string;
  phone: string;
  retentionMonths: number;
  /** The GitHub repository the editor saves to, `owner/name`; none when the editor is not used. */
  repo?: string;
}

/** The questions, in order, with what each expects (the script's prompts and its `--help`). */
export const QUESTIONS: { key: keyof SetupAnswers; option: string; ask: string }[] = [
  { key: "name", option: "name", ask: "The partnership's full name (e.g. Northshire Safeguarding Children Partnership)" },
  { key: "shortName", option: "short-name", ask: "A short name for the top of every page (e.g. Northshire SCP)" },
  { key: "url", option: "url", ask: "The site's public address, starting https:// (e.g. https://www.northshire.example/reviews)" },
  { key: "areas", option: "areas", ask: "The areas the partnership covers, separated by commas (e.g. Northshire, Southvale)" },
  { key: "team", option: "team", ask: "Who answers questions about the reviews (e.g. the partnership's business support team)" },
  { key: "email", option: "email", ask: "Their email address" },
  { key: "phone", option: "phone", ask: "Their phone number" },
  { key: "retentionMonths", option: "retention-months", ask: "How many months an SCR stays on the site after publication (usually 12)" },
  { key: "repo", option: "repo", ask: "The GitHub repository the editor saves to, owner/name (leave empty if you will not use the editor)" },
];

/** "Northshire, Southvale and East Vale" from a list of names. */
const inWords = (names: readonly string[]) => (names.length < 2 ? (names[0] ?? "") : `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`);

/** The settings for `_data/site.json`, checked as the build checks them; problems say which answer to change. */
export function newSiteSettings(answers: SetupAnswers, today: IsoDate): { site?: Record<string, unknown>; problems: Problem[] } {
  const problems: Problem[] = [];
  const areas: Record<string, string> = {};
  for (const name of answers.areas.map((area) => area.trim()).filter(Boolean)) {
    const key = themeKey(name);
    if (!key) problems.push({ file: "--areas", message: `the area ${quote(name)} has no letters or digits to make its key from; give it a name in words.` });
    else if (areas[key])
      problems.push({ file: "--areas", message: `the areas ${quote(areas[key])} and ${quote(name)} would share the key "${key}"; name them differently.` });
    else areas[key] = name;
  }
  if (Object.keys(areas).length === 0) problems.push({ file: "--areas", message: 'give at least one area, e.g. --areas "Northshire, Southvale".' });
  const site: Record<string, unknown> = {
    partnership: { name: answers.name.trim(), shortName: answers.shortName.trim(), areasServed: inWords(Object.values(areas)) },
    url: answers.url.trim().replace(/\/+$/, ""),
    retentionMonths: answers.retentionMonths,
    areas,
    footnotes: {
      withheld: {
        code: "*",
        text: "Decision taken not to publish the overview report to protect the identity of the child and family.",
        label: "overview report not published",
      },
      delayed: { code: "**", text: "Overview reports are delayed in publication due to ongoing parallel proceedings.", label: "overview report delayed" },
    },
    contact: { team: answers.team.trim(), email: answers.email.trim(), phone: answers.phone.trim() },
    support: {
      heading: "This review describes the death or serious harm of a child",
      text: "Some people find these reviews distressing. If reading it raises concerns about a child, or you need to talk to someone, these services can help.",
      services: [
        {
          name: "NSPCC helpline",
          for: "adults worried about a child",
          phone: "0808 800 5000",
          url: "https://www.nspcc.org.uk/keeping-children-safe/our-services/nspcc-helpline/",
        },
        { name: "Childline", for: "children and young people", phone: "0800 1111", url: "https://www.childline.org.uk/" },
      ],
      emergency: "If a child is in immediate danger, call 999.",
    },
    accessibility: {
      preparedOn: today,
      reviewedOn: today,
      testedOn: today,
      testedBy:
        "automated checks (pa11y-ci with axe and HTML_CodeSniffer) of every page at phone and desktop widths; no manual check with a screen reader has been made yet",
      compliance: "partially",
      responseDays: 10,
      nonCompliant: [
        {
          issue:
            "Some PDF documents may not be fully accessible to screen reader software: they may lack headings, tagged tables or text alternatives for images.",
          criteria: "1.1.1 Non-text content, 1.3.1 Info and relationships",
          plan: "Every new document is checked before it is published. Ask us for an accessible version of any document and we will provide one.",
        },
      ],
      notInScope: [],
    },
    ...(answers.repo?.trim() ? { cms: { repo: answers.repo.trim(), branch: "main" } } : {}),
  };
  const checked = siteSchema.safeParse(site);
  if (!checked.success) problems.push(...problemsFromIssues(checked.error.issues, { file: SITE_FILE }, [], fieldsAllowed(siteSchema)));
  return problems.length ? { problems } : { site, problems };
}

/** The one example review a new site starts with: plainly fictional, so that nobody mistakes it for a real one. */
export function exampleReview(areaKey: string, today: IsoDate) {
  return {
    id: "example-review",
    title: "Example review (fictional): replace or delete me",
    type: "CSPR",
    area: areaKey,
    status: "published",
    published: today,
    summary:
      "**This is a fictional example**, made by `npm run setup` so that the site has something to show. It describes no real child or family. Replace it with your first review (see docs/maintainers.md), or delete it.",
    themes: ["example"],
    documents: [{ kind: "overview-report", title: "Overview report (fictional example)", file: "overview-report.md" }],
  };
}

export const EXAMPLE_DOCUMENT = `## About this document

FICTIONAL EXAMPLE DOCUMENT, made by \`npm run setup\`. It describes no real child, family or professional.

## What to do with it

Replace this review and this document with your partnership's first real review: add its details in the editor or in \`_data/reviews.json\`, and put its report in \`reviews/<its id>/\`. Then delete this example.
`;
