// Where a service's answers disagree with what its clients can safely compare,
// the SDK settles it once, at read time, for every wrapped call: a workspace id
// sent as a JSON number (ModelArts' default workspace, 0, in one document
// example) becomes its string, and a field a live service writes in lower case
// (ModelArts' auth_type) is lower-cased whichever spelling arrives. The types
// then say `string` and `"public" | ...`, and say the truth.
import { isRecord } from "../http/http.js";

/**
 * Fields of a service's answers that the SDK rewrites when it reads them (in the
 * answer itself, each item of an array answer, and each item of an array the
 * answer holds, such as a list page's `workspaces`).
 *
 * @example
 * const fields: AnswerFields = { ids: ["id", "workspace_id"], lowerCase: ["auth_type"] };
 */
export interface AnswerFields {
  /** Id fields: a number there becomes its decimal string. */
  ids?: readonly string[] | undefined;
  /** Fields whose string value is lower-cased. */
  lowerCase?: readonly string[] | undefined;
}

const NONE: readonly string[] = [];

// Runs for every item of every page: indexed loops, each field read once.
function rewrite(record: Record<string, unknown>, ids: readonly string[], lowerCase: readonly string[]): void {
  for (let i = 0; i < ids.length; i++) {
    const value = record[ids[i]!];
    if (typeof value === "number") record[ids[i]!] = String(value);
  }
  for (let i = 0; i < lowerCase.length; i++) {
    const value = record[lowerCase[i]!];
    if (typeof value === "string") record[lowerCase[i]!] = value.toLowerCase();
  }
}

/**
 * Rewrites `fields` in a freshly read answer, in place, and returns it.
 *
 * @example
 * normalizeAnswer({ workspaces: [{ id: 0, auth_type: "PUBLIC" }] }, { ids: ["id"], lowerCase: ["auth_type"] });
 * // { workspaces: [{ id: "0", auth_type: "public" }] }
 */
export function normalizeAnswer<T>(answer: T, fields: AnswerFields): T {
  const ids = fields.ids ?? NONE;
  const lowerCase = fields.lowerCase ?? NONE;
  const items: unknown[] = Array.isArray(answer) ? answer : [answer];
  for (const item of items) {
    if (!isRecord(item)) continue;
    rewrite(item, ids, lowerCase);
    for (const key in item) {
      const value = item[key];
      if (!Array.isArray(value) || !Object.prototype.hasOwnProperty.call(item, key)) continue;
      for (let i = 0; i < value.length; i++) if (isRecord(value[i])) rewrite(value[i] as Record<string, unknown>, ids, lowerCase);
    }
  }
  return answer;
}
