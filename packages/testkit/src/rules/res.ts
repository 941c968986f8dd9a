// res: every documented request rule of the spec, as a body it refuses and one it accepts.
import type { RuleCase } from "../suites.js";

export const resValid = { name: "ws1", enterprise_project_id: "0" };
export const resRules: RuleCase[] = [
  { rule: "required", field: "name", refused: { enterprise_project_id: "0" }, accepted: resValid, message: /name is required/ },
  { rule: "type", field: "name", refused: { ...resValid, name: 1 }, accepted: { ...resValid, name: "1" }, message: /name must be a string \(got number\)/ },
  { rule: "minLength", field: "name", refused: { ...resValid, name: "" }, accepted: { ...resValid, name: "a" }, message: /name must not be empty/ },
  { rule: "maxLength", field: "name", refused: { ...resValid, name: "a".repeat(65) }, accepted: { ...resValid, name: "a".repeat(64) }, message: /name must be at most 64 characters \(got 65\)/ },
  { rule: "pattern", field: "name", refused: { ...resValid, name: "team-" }, accepted: { ...resValid, name: "team-a" }, message: /name must match/ },
  { rule: "pattern", field: "name", refused: { ...resValid, name: "team a" }, accepted: { ...resValid, name: "推荐_工作空间-1" }, message: /name must match/ },
  // "Chinese" is the whole Han script, CJK extensions (astral code points) included.
  { rule: "pattern", field: "name", refused: { ...resValid, name: "团队!" }, accepted: { ...resValid, name: "𠮷野家_1" }, message: /name must match/ },
  { rule: "required", field: "enterprise_project_id", refused: { name: "ws1" }, accepted: resValid, message: /enterprise_project_id is required/ },
  { rule: "minLength", field: "enterprise_project_id", refused: { ...resValid, enterprise_project_id: "" }, accepted: resValid, message: /enterprise_project_id must not be empty/ },
  { rule: "maxLength", field: "enterprise_project_id", refused: { ...resValid, enterprise_project_id: "e".repeat(257) }, accepted: { ...resValid, enterprise_project_id: "e".repeat(256) }, message: /at most 256/ },
  { rule: "type", field: "description", refused: { ...resValid, description: 5 }, accepted: { ...resValid, description: "" }, message: /description must be a string/ },
  { rule: "additionalProperties", field: "desc", refused: { ...resValid, desc: "x" }, accepted: { ...resValid, description: "x" }, message: /desc is not a known field/ },
];

// updateWorkspace: both fields optional (the API reference says only the description can be
// updated, but documents `name` too, and so does the SDK model).
export const resUpdateValid = { description: "modified" };
export const resUpdateRules: RuleCase[] = [
  { rule: "type", field: "name", refused: { name: 1 }, accepted: { name: "1" }, message: /name must be a string \(got number\)/ },
  { rule: "minLength", field: "name", refused: { ...resUpdateValid, name: "" }, accepted: { ...resUpdateValid, name: "a" }, message: /name must not be empty/ },
  { rule: "maxLength", field: "name", refused: { name: "a".repeat(65) }, accepted: { name: "a".repeat(64) }, message: /name must be at most 64 characters \(got 65\)/ },
  { rule: "pattern", field: "name", refused: { name: "team-" }, accepted: { name: "team-a" }, message: /name must match/ },
  { rule: "pattern", field: "name", refused: { name: "team a" }, accepted: { name: "推荐_工作空间-1" }, message: /name must match/ },
  { rule: "type", field: "description", refused: { description: 5 }, accepted: { description: "" }, message: /description must be a string/ },
  { rule: "additionalProperties", field: "enterprise_project_id", refused: { ...resUpdateValid, enterprise_project_id: "0" }, accepted: resUpdateValid, message: /enterprise_project_id is not a known field/ },
  { rule: "additionalProperties", field: "Description", refused: { Description: "x" }, accepted: { description: "x" }, message: /Description is not a known field \(did you mean description\?\)/ },
];
