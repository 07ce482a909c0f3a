import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Build tests run Eleventy in a child process; give them room on a shared 2-core machine.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
