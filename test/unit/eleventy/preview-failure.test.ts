import { describe, expect, it } from "vitest";
import { failurePage, previewFailure } from "../../../src/eleventy/preview-failure.ts";
import { DataError } from "../../../src/model/problems.ts";

const hostile = new DataError([
  { file: "_data/reviews.json", review: 'review "<script>alert(1)</script>"', field: "title", message: 'expected text, got "</pre><img src=x>"' },
]);

/** A response as the dev server's middleware gets one, keeping what was written. */
function response() {
  const sent = { statusCode: 200, headers: {} as Record<string, string>, body: undefined as string | undefined };
  return {
    sent,
    res: {
      set statusCode(code: number) {
        sent.statusCode = code;
      },
      setHeader: (k: string, v: string) => {
        sent.headers[k] = v;
      },
      end: (b: string) => {
        sent.body = b;
      },
    },
  };
}

describe("the preview's page for a failed rebuild", () => {
  it("says the data's problems by file, review and field, with every character from the data escaped", () => {
    const page = failurePage(hostile);
    expect(page).toContain("_data/reviews.json, review &quot;&lt;script&gt;alert(1)&lt;/script&gt;&quot;, field &quot;title&quot;");
    expect(page).toContain("&lt;/pre&gt;&lt;img src=x&gt;");
    expect(page).not.toContain("<script>alert");
    expect(page).not.toContain("<img");
    expect(page).toContain("Fix the file named below and save it");
  });

  it("says of an error that is not in the data that it is not, with no stack trace", () => {
    const error = new TypeError("boom");
    const page = failurePage(error);
    expect(page).toContain("This is not a problem in the data");
    expect(page).toContain("TypeError: boom");
    expect(page).not.toContain(" at ");
  });
});

describe("the preview's middleware", () => {
  it("passes every request on while the last build worked, and after a failure is followed by one that worked", () => {
    const state = previewFailure();
    let passed = 0;
    state.middleware({ url: "/" }, response().res, () => passed++);
    state.failed(hostile);
    state.rebuilt();
    state.middleware({ url: "/reviews/child-a/" }, response().res, () => passed++);
    expect(passed).toBe(2);
  });

  it("answers every page with the failure while the last rebuild failed, but not the dev server's own script nor a document", () => {
    const state = previewFailure();
    state.failed(hostile);
    for (const url of ["/", "/reviews/child-a/", "/accessibility.html?x=1"]) {
      const { sent, res } = response();
      state.middleware({ url }, res, () => {
        throw new Error(`${url} was passed on`);
      });
      expect(sent.statusCode, url).toBe(500);
      expect(sent.headers["Content-Type"]).toBe("text/html; charset=utf-8");
      expect(sent.body).toContain("The preview could not be rebuilt");
    }
    const passedOn: string[] = [];
    for (const url of ["/.11ty/reload-client.js", "/reviews/child-a/overview-report.pdf", "/pagefind/pagefind.js"]) {
      state.middleware({ url }, response().res, () => passedOn.push(url));
    }
    expect(passedOn).toEqual(["/.11ty/reload-client.js", "/reviews/child-a/overview-report.pdf", "/pagefind/pagefind.js"]);
  });
});
