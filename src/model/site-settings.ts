import * as z from "zod";
import { isoDateSchema } from "./dates.ts";
import { atMost, expected } from "./schema-messages.ts";

/** A text that is not blank; most are short (names, phone numbers), a few are paragraphs. */
const text = (what: string, max = 200) =>
  z
    .string({ error: expected(what) })
    .regex(/\S/, { error: expected(what) })
    .max(max, atMost(max));
const PARAGRAPH = 2_000;
const slug = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const isoDate = (what: string) => isoDateSchema(expected(`${what}, written YYYY-MM-DD`));

const footnote = z.strictObject(
  {
    code: text("the footnote marker, e.g. *"),
    text: text("the footnote's wording", PARAGRAPH),
    label: text('what a screen reader says for the marker, e.g. "overview report withheld"'),
  },
  { error: expected("an object with code, text and label") },
);

/** The shape of `_data/site.json`: everything a partnership changes to adopt the site. */
export const siteSchema = z.strictObject(
  {
    partnership: z.strictObject(
      {
        name: text("the partnership's full name"),
        shortName: text("a short name for the header"),
        areasServed: text('the areas in words, e.g. "Blackburn with Darwen, Blackpool and Lancashire"', 500),
      },
      { error: expected("an object with name, shortName and areasServed") },
    ),
    url: z
      .url({ protocol: /^https$/, error: expected("the site's public address, starting https://") })
      .max(2_000, atMost(2_000))
      // The input is not quoted: it holds a password.
      .refine((url) => !/^https:\/\/[^/?#]*@/i.test(url), {
        error: `the site's public address must not contain a user name or password (the part before "@"); expected an address such as https://www.example.org/reviews.`,
        abort: true,
      })
      .refine((url) => !/[?#]/.test(url), {
        error: expected('the site\'s public address without "?" or "#" and what follows them, e.g. https://www.example.org/reviews'),
      }),
    retentionMonths: z
      .number({ error: expected("a whole number of months") })
      .int({ error: expected("a whole number of months") })
      .min(1, { error: expected("at least 1 month") })
      .max(120, { error: expected("at most 120 months") }),
    areas: z.record(
      z
        .string()
        .regex(slug, { error: expected("an area key: lowercase words joined by -") })
        .max(60, atMost(60)),
      text("the area's name", 100),
    ),
    footnotes: z.strictObject({ withheld: footnote, delayed: footnote }, { error: expected("an object with withheld and delayed") }),
    contact: z.strictObject(
      {
        team: text("who answers, e.g. the partnership's business support team"),
        email: z.email({ error: expected("an email address") }).max(254, atMost(254)),
        phone: text("a phone number"),
      },
      { error: expected("an object with team, email and phone") },
    ),
    support: z.strictObject(
      {
        heading: text("the content notice's heading"),
        text: text("the content notice's text", PARAGRAPH),
        services: z
          .array(
            z.strictObject(
              {
                name: text("the service's name"),
                for: text('who the service is for, e.g. "adults worried about a child"'),
                phone: text("the service's phone number"),
                url: z.url({ protocol: /^https$/, error: expected("the service's web address, starting https://") }).max(2_000, atMost(2_000)),
              },
              { error: expected("an object with name, for, phone and url") },
            ),
            { error: expected("a list of support services") },
          )
          .min(1, { error: expected("at least one support service") }),
        emergency: text("what to do in an emergency", PARAGRAPH),
      },
      { error: expected("an object with heading, text, services and emergency") },
    ),
    accessibility: z.strictObject(
      {
        preparedOn: isoDate("the date the accessibility statement was first prepared"),
        reviewedOn: isoDate("the date the statement was last reviewed"),
        testedOn: isoDate("the date the site was last tested"),
        testedBy: text("who tested the site and how", PARAGRAPH),
        compliance: z.enum(["fully", "partially", "not"], { error: expected('"fully", "partially" or "not" (compliant with WCAG 2.2 AA)') }),
        responseDays: z
          .number({ error: expected("a whole number of working days") })
          .int({ error: expected("a whole number of working days") })
          .min(1, { error: expected("at least 1 day") }),
        nonCompliant: z.array(
          z.strictObject(
            {
              issue: text("what is not accessible", PARAGRAPH),
              criteria: text("the WCAG success criteria it fails", 500),
              plan: text("what you are doing about it", PARAGRAPH),
            },
            { error: expected("an object with issue, criteria and plan") },
          ),
          { error: expected("a list of things that are not accessible") },
        ),
        notInScope: z.array(text("content outside the scope of the regulations", PARAGRAPH), { error: expected("a list of texts") }),
      },
      { error: expected("an object describing the site's accessibility") },
    ),
    cms: z
      .strictObject(
        {
          repo: z
            .string({ error: expected("the GitHub repository, owner/name") })
            .regex(/^[\w.-]+\/[\w.-]+$/, { error: expected("the GitHub repository, owner/name") }),
          branch: text("the branch the editor commits to, e.g. main", 250).optional(),
          withPublicSite: z
            .boolean({ error: expected("true (the public build carries the editor at /admin/) or false") })
            .optional()
            .meta({
              description:
                "true: the public build carries the editor at /admin/, on the public site's own origin, on purpose. Leave it out to build the editor apart (npm run build:editor) for an origin of its own.",
            }),
          signInService: z
            .url({ protocol: /^https$/, error: expected("the address of the partnership's GitHub sign-in service, starting https://") })
            .max(2_000, atMost(2_000))
            .optional()
            .meta({
              description:
                'The address of a GitHub sign-in (OAuth) service the partnership runs for the editor, such as Sveltia CMS Authenticator: with it the editor offers "Sign In with GitHub". Leave it out and the editor offers only the access-token sign-in, which needs no service.',
            }),
        },
        { error: expected("an object with repo (owner/name), if not main branch, withPublicSite, and signInService if there is one") },
      )
      .optional()
      .meta({ description: "The editor: the GitHub repository (owner/name) and branch it saves to, and whether the public build carries it." }),
  },
  { error: expected("an object of site settings") },
);

export type SiteSettings = z.infer<typeof siteSchema>;
