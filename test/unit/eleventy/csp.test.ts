import { describe, expect, it } from "vitest";
import { CONTENT_SECURITY_POLICY, contentSecurityPolicy, finderConnectOrigins } from "../../../src/eleventy/csp.ts";

const connectSrc = (policy: string) => policy.split("; ").find((part) => part.startsWith("connect-src"));

describe("the origins a finder's pages may fetch from (connect-src)", () => {
  it("are none for a partnership's own site, whose policy stays connect-src 'self'", () => {
    expect(finderConnectOrigins([])).toEqual([]);
    expect(contentSecurityPolicy(finderConnectOrigins([]))).toBe(CONTENT_SECURITY_POLICY);
    expect(connectSrc(CONTENT_SECURITY_POLICY)).toBe("connect-src 'self'");
  });

  it("are each source's feed's origin, where its search index is (not its site's, which is only linked to), once each and sorted, never a path", () => {
    const origins = finderConnectOrigins([
      { feed: "https://northshire.example.org/review/reviews.json" },
      { feed: "https://mirror.example.net/southvale/reviews.json", site: "https://southvale.example.org/reviews-of-cases/" },
      { feed: "https://northshire.example.org/other/reviews.json" },
      { feed: "http://127.0.0.1:41234/reviews.json" },
    ]);
    expect(origins).toEqual(["http://127.0.0.1:41234", "https://mirror.example.net", "https://northshire.example.org"]);
    expect(connectSrc(contentSecurityPolicy(origins))).toBe(
      "connect-src 'self' http://127.0.0.1:41234 https://mirror.example.net https://northshire.example.org",
    );
  });

  it("never lets an address add another directive or a scheme that is not http(s)", () => {
    const origins = finderConnectOrigins([
      { feed: "https://a.example.org/reviews.json; script-src *" },
      { feed: "not an address" },
      { feed: "javascript:alert(1)" },
      { feed: "data:text/plain,x" },
      { feed: "ftp://b.example.org/x.json" },
    ]);
    expect(origins).toEqual(["https://a.example.org"]);
    expect(
      contentSecurityPolicy(origins)
        .split("; ")
        .filter((part) => part.startsWith("script-src")),
    ).toEqual(["script-src 'self' 'wasm-unsafe-eval'"]);
  });
});
