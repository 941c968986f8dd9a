// truewatch: every documented request rule of the spec, as a body it refuses and one it accepts.
import type { RuleCase } from "../suites.js";

export const truewatchValid = { name: "ws" };
export const truewatchRules: RuleCase[] = [
  { rule: "required", field: "name", refused: { desc: "x" }, accepted: truewatchValid, message: /name is required/ },
  { rule: "maxLength", field: "name", refused: { name: "n".repeat(257) }, accepted: { name: "n".repeat(256) }, message: /name must be at most 256/ },
  // "" is not documented as refused (no "Allow empty string" line), so it is left to the service.
  { rule: "type", field: "name", refused: { name: null }, accepted: { name: "" }, message: /name must be a string \(got null\)/ },
  { rule: "type", field: "desc", refused: { ...truewatchValid, desc: 1 }, accepted: { ...truewatchValid, desc: null }, message: /desc must be a string or null/ },
  // menuStyle has no documented options list: the EN, lower-case (TrueWatch) and Chinese spellings all pass.
  { rule: "type", field: "menuStyle", refused: { ...truewatchValid, menuStyle: null }, accepted: { ...truewatchValid, menuStyle: "运维" }, message: /menuStyle must be a string/ },
  { rule: "type", field: "needCreateAk", refused: { ...truewatchValid, needCreateAk: "true" }, accepted: { ...truewatchValid, needCreateAk: false }, message: /needCreateAk must be a boolean/ },
  { rule: "type", field: "akName", refused: { ...truewatchValid, akName: null }, accepted: { ...truewatchValid, akName: "ci" }, message: /akName must be a string/ },
  { rule: "enum", field: "language", refused: { ...truewatchValid, language: "de" }, accepted: { ...truewatchValid, language: null }, message: /language must be one of "zh", "en", "", null/ },
  { rule: "additionalProperties", field: "description", refused: { ...truewatchValid, description: "x" }, accepted: { ...truewatchValid, desc: "x" }, message: /description is not a known field/ },
];

// updateWorkspace (POST /api/v1/workspace/modify): both fields optional, neither may be null.
export const truewatchUpdateValid = { name: "ws-renamed" };
export const truewatchUpdateRules: RuleCase[] = [
  { rule: "maxLength", field: "name", refused: { name: "n".repeat(257) }, accepted: { name: "n".repeat(256) }, message: /name must be at most 256/ },
  { rule: "type", field: "name", refused: { name: null }, accepted: truewatchUpdateValid, message: /name must be a string \(got null\)/ },
  { rule: "type", field: "desc", refused: { desc: null }, accepted: { desc: "" }, message: /desc must be a string \(got null\)/ },
  { rule: "additionalProperties", field: "description", refused: { description: "x" }, accepted: { desc: "x" }, message: /description is not a known field/ },
  { rule: "additionalProperties", field: "menuStyle", refused: { menuStyle: "Operations" }, accepted: {}, message: /menuStyle is not a known field; known fields: name, desc/ },
];
