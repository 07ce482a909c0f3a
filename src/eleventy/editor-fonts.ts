/**
 * The fonts Sveltia CMS would fetch from a CDN (which the editor's policy blocks), from Fontsource's
 * packages on npm (the icon font is Google's Material Symbols, Apache 2.0; the text fonts OFL),
 * served at /admin/fonts/: without the icon font the editor shows icon names ("expand_more") as words.
 * Apart from src/cms/editor-bundle.ts, which loads esbuild: the build script needs only this list.
 */
export const FONTS = [
  {
    cdn: /https:\/\/cdn\.jsdelivr\.net\/fontsource\/fonts\/material-symbols-outlined[^)'"\s]*\.woff2/g,
    from: "node_modules/@fontsource-variable/material-symbols-outlined/files/material-symbols-outlined-latin-wght-normal.woff2",
    to: "fonts/material-symbols-outlined.woff2",
  },
  {
    cdn: /https:\/\/cdn\.jsdelivr\.net\/fontsource\/fonts\/source-sans-3[^)'"\s]*\.woff2/g,
    from: "node_modules/@fontsource-variable/source-sans-3/files/source-sans-3-latin-wght-normal.woff2",
    to: "fonts/source-sans-3.woff2",
  },
  {
    cdn: /https:\/\/cdn\.jsdelivr\.net\/fontsource\/fonts\/noto-mono[^)'"\s]*\.woff2/g,
    from: "node_modules/@fontsource/noto-mono/files/noto-mono-latin-400-normal.woff2",
    to: "fonts/noto-mono.woff2",
  },
] as const;
