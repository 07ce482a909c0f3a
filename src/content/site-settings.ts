import { siteSchema, type SiteSettings } from "../model/site-settings.ts";
import { readJsonFile, type JsonSource } from "./json-source.ts";
import { DataError, type Problem } from "../model/problems.ts";
import { fieldName, fieldsAllowed, problemsFromIssues } from "../model/schema-messages.ts";

export const SITE_FILE = "_data/site.json";

/** Check `_data/site.json` once read and parsed; throws a DataError listing every problem. */
export function siteSettingsFrom({ source, problems }: { source?: JsonSource; problems: Problem[] }): SiteSettings {
  if (!source) throw new DataError(problems);
  const found: Problem[] = source.issues.map((issue) => ({
    file: SITE_FILE,
    field: issue.path.length ? fieldName(issue.path) : undefined,
    line: issue.line,
    message: issue.message,
  }));
  const result = siteSchema.safeParse(source.value);
  if (!result.success) found.push(...problemsFromIssues(result.error.issues, { file: SITE_FILE }, [], fieldsAllowed(siteSchema), source.lineOf));
  if (found.length > 0 || !result.success) throw new DataError(found);
  return result.data;
}

/** Read and check `_data/site.json`; throws a DataError listing every problem. */
export function loadSiteSettings(absolutePath: string): SiteSettings {
  return siteSettingsFrom(readJsonFile(absolutePath, SITE_FILE));
}
