import { spawn } from "node:child_process";
import path from "node:path";
import type { PdfFacts } from "../model/review.ts";
import { UnreadablePdf } from "./pdf-facts.ts";

/** The project folder this code is in: its node_modules holds tsx, which runs the reader. */
const CODE_ROOT = path.join(import.meta.dirname, "..", "..");
const READER = path.join(import.meta.dirname, "pdf-reader.ts");

/**
 * The facts of each PDF (by path, in order), read by src/content/pdf-reader.ts in
 * a child process; an UnreadablePdf for one that cannot be read. Any other
 * failure of the reader is an error that says so.
 */
export async function readPdfsElsewhere(files: readonly string[]): Promise<(PdfFacts | UnreadablePdf)[]> {
  if (files.length === 0) return [];
  const child = spawn(process.execPath, ["--import", "tsx", READER], { cwd: CODE_ROOT, stdio: ["pipe", "pipe", "pipe"] });
  const stdout: Buffer[] = [];
  const stderr: Buffer[] = [];
  child.stdout.on("data", (chunk: Buffer) => stdout.push(chunk));
  child.stderr.on("data", (chunk: Buffer) => stderr.push(chunk));
  const done = new Promise<number | null>((resolve, reject) => {
    child.once("error", reject);
    child.once("close", resolve);
  });
  child.stdin.end(JSON.stringify(files));
  const code = await done;
  if (code !== 0) throw new Error(`Reading the PDFs failed (exit ${code ?? "by a signal"}):\n${Buffer.concat(stderr).toString("utf8").trim()}`);
  const results = JSON.parse(Buffer.concat(stdout).toString("utf8")) as ({ facts: PdfFacts } | { unreadable: string })[];
  if (results.length !== files.length) throw new Error(`Reading the PDFs gave ${results.length} results for ${files.length} files.`);
  return results.map((result) => ("unreadable" in result ? new UnreadablePdf(result.unreadable) : result.facts));
}
