import { escapeHtml } from "../model/html.ts";

/**
 * HTML written from TypeScript templates (`pages/*.11ty.ts`), escaped as the Nunjucks templates' autoescape
 * escapes it: every value put into an `html` template is text unless it is already `Html`.
 */

/** Markup that is already HTML: put into an `html` template as it is. */
export class Html {
  constructor(readonly markup: string) {}
  toString(): string {
    return this.markup;
  }
}

/** Text for HTML, text or attribute: the same six characters Nunjucks' autoescape escapes, the same way (src/model/html.ts). */
export const escapeText = escapeHtml;

/** A value as HTML: `Html` as it is, a list each item in turn, nothing for `null`, `undefined` or `false`, anything else escaped as text. */
function part(value: unknown): string {
  if (value instanceof Html) return value.markup;
  if (Array.isArray(value)) return value.map(part).join("");
  if (value === null || value === undefined || value === false) return "";
  return escapeText(String(value));
}

/** A tagged template: the literal parts are markup, every `${value}` is escaped unless it is `Html` (see `part`). */
export function html(strings: TemplateStringsArray, ...values: unknown[]): Html {
  let out = strings[0]!;
  for (let i = 0; i < values.length; i++) out += part(values[i]) + strings[i + 1]!;
  return new Html(out);
}

/** Markup made elsewhere and already safe (the catalogue's Markdown as HTML): never data's text. */
export const trusted = (markup: string): Html => new Html(markup);
