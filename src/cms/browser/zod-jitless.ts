/**
 * Imported first by the editor's script (reviews-editor.ts), before any module that makes a schema: zod compiles
 * fast parsers with `new Function` when it may, and the probe for that, run as each object schema is made, is an
 * eval that the editor's policy refuses, a Content-Security-Policy violation on every load. Jitless, zod never tries.
 */
import * as z from "zod";

z.config({ jitless: true });
