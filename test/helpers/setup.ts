/** Loaded before every test file (vitest.config.ts `setupFiles`). */
import { afterAll } from "vitest";
import { removeFileFolders } from "./temporary.ts";

afterAll(removeFileFolders);
