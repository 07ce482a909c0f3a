/**
 * The Content-Security-Policy every page carries in a `<meta http-equiv>`, so
 * that it holds on hosts that cannot set headers (GitHub Pages): scripts and
 * styles only from the site itself, no inline script or style, no plugins, no
 * `<base>` from elsewhere, forms only to the site. Pagefind's search compiles
 * WebAssembly, hence `'wasm-unsafe-eval'` (which allows no JavaScript eval).
 * Trusted Types are required (`require-trusted-types-for 'script'`): a string reaches a script sink (innerHTML,
 * a script's src, `new Worker`) only through a policy, and the one policy allowed is the site's `default`
 * (pages/assets/trusted-types.js), which lets Pagefind start its own web worker and nothing else.
 * Hosts that can set headers add `frame-ancestors 'none'` and the rest
 * (deploy/_headers, deploy/nginx/learning-reviews.conf).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "require-trusted-types-for 'script'",
  "trusted-types default",
].join("; ");
