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

function rewrite(record: Record<string, unknown>, fields: AnswerFields): void {
  for (const name of fields.ids ?? []) if (typeof record[name] === "number") record[name] = String(record[name]);
  for (const name of fields.lowerCase ?? []) if (typeof record[name] === "string") record[name] = (record[name] as string).toLowerCase();
}

/**
 * Rewrites `fields` in a freshly read answer, in place, and returns it.
 *
 * @example
 * normalizeAnswer({ workspaces: [{ id: 0, auth_type: "PUBLIC" }] }, { ids: ["id"], lowerCase: ["auth_type"] });
 * // { workspaces: [{ id: "0", auth_type: "public" }] }
 */
export function normalizeAnswer<T>(answer: T, fields: AnswerFields): T {
  const items: unknown[] = Array.isArray(answer) ? answer : [answer];
  for (const item of items) {
    if (!isRecord(item)) continue;
    rewrite(item, fields);
    for (const value of Object.values(item)) if (Array.isArray(value)) for (const inner of value) if (isRecord(inner)) rewrite(inner, fields);
  }
  return answer;
}
