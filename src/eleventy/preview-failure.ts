/**
 * `npm start` when the data has a problem: the preview's pages are those of the last build that worked, so
 * while a rebuild fails every page of the preview is instead a page that says what is wrong (file, review and
 * field, in the build's words), in the browser as in the terminal, and reloads itself until the data is fixed.
 */
import { DataError } from "../model/problems.ts";
import { escapeHtml } from "../model/html.ts";

/** How often the error page looks again, in seconds (the rebuild after a save takes about as long). */
const RELOAD_SECONDS = 3;

/** What the failure says: a data error in the build's words (its stack is no use to whoever edits the data); any other, its message. */
export function failureText(error: unknown): string {
  if (error instanceof DataError) return error.message;
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}

/** The page shown in place of every page of the preview while the last rebuild failed. */
export function failurePage(error: unknown): string {
  const data = error instanceof DataError;
  const next = data
    ? "Fix the file named below and save it. This page looks again every few seconds and shows the site once the data is right; the terminal where npm start runs says the same."
    : "This is not a problem in the data: the terminal where npm start runs says more. Stop npm start (Ctrl+C) and start it again; if that does not help, ask whoever looks after the site's code.";
  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="refresh" content="${RELOAD_SECONDS}">
<title>The preview could not be rebuilt</title>
<style>body{font:1.125rem/1.5 system-ui,sans-serif;max-width:50rem;margin:2rem auto;padding:0 1rem;color:#0b0c0c}h1{border-left:8px solid #d4351c;padding-left:.75rem}pre{white-space:pre-wrap;font:inherit;background:#f3f2f1;padding:1rem}</style>
</head>
<body>
<main>
<h1>The preview could not be rebuilt</h1>
<p>${escapeHtml(next)}</p>
<pre>${escapeHtml(failureText(error))}</pre>
</main>
</body>
</html>
`;
}

type Next = () => void;
interface Response {
  statusCode: number;
  setHeader(name: string, value: string): void;
  end(body: string): void;
}

/** A page of the site (not the dev server's own script, nor a PDF, an image or the search index's files). */
const isPage = (url: string) => {
  const pathname = url.split(/[?#]/, 1)[0]!;
  return !pathname.startsWith("/.11ty/") && (pathname.endsWith("/") || pathname.endsWith(".html"));
};

/**
 * The preview's state: the last rebuild's failure, if it failed, and the dev server's middleware that shows it.
 * `failed` is called when the data cannot be read, `rebuilt` after a build that worked.
 */
export function previewFailure() {
  let failure: { error: unknown } | undefined;
  return {
    failed(error: unknown): void {
      failure = { error };
    },
    rebuilt(): void {
      failure = undefined;
    },
    middleware(request: { url?: string }, response: Response, next: Next): void {
      if (!failure || !isPage(request.url ?? "/")) {
        next();
        return;
      }
      response.statusCode = 500;
      response.setHeader("Content-Type", "text/html; charset=utf-8");
      response.setHeader("Cache-Control", "no-store");
      response.end(failurePage(failure.error));
    },
  };
}
