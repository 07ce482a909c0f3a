import { defineConfig } from "vitest/config";

/**
 * Four projects, run together by `npm run test:vitest`, or one at a time:
 * - unit: pure code, mirrors src/ (seconds);
 * - build: the real build on fixture projects in temporary folders;
 * - browser: Chromium on a built fixture project;
 * - content: checks of this repository's own data (whatever partnership it is), not of the code.
 */
export default defineConfig({
  test: {
    setupFiles: ["test/helpers/setup.ts"],
    projects: [
      // Pure tests (no mocks, no global state left changed) share their workers' modules: about a third of the CPU time, most of which went on loading the same modules again for each file.
      { extends: true, test: { name: "unit", include: ["test/unit/**/*.test.ts"], isolate: false } },
      // Build, browser and content tests run Eleventy in a child process; give them room on a shared 2-core machine.
      { extends: true, test: { name: "build", include: ["test/build/**/*.test.ts"], testTimeout: 120_000, hookTimeout: 120_000 } },
      { extends: true, test: { name: "browser", include: ["test/browser/**/*.test.ts"], testTimeout: 120_000, hookTimeout: 120_000 } },
      { extends: true, test: { name: "content", include: ["test/content/**/*.test.ts"], testTimeout: 300_000, hookTimeout: 300_000 } },
    ],
  },
});
