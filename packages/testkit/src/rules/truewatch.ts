// truewatch: every documented request rule of the spec, as a body it refuses and one it accepts.
import type { RuleCase } from "../suites.js";

export const truewatchValid = { name: "ws" };
export const truewatchRules: RuleCase[] = [
  { rule: "required", field: "name", refused: { desc: "x" }, accepted: truewatchValid, message: /name is required/ },
  { rule: "minLength", field: "name", refused: { name: "" }, accepted: { name: "w" }, message: /name must not be empty/ },
  { rule: "maxLength", field: "name", refused: { name: "n".repeat(257) }, accepted: { name: "n".repeat(256) }, message: /name must be at most 256/ },
  { rule: "type", field: "name", refused: { name: null }, accepted: truewatchValid, message: /name must be a string \(got null\)/ },
  { rule: "type", field: "desc", refused: { ...truewatchValid, desc: 1 }, accepted: { ...truewatchValid, desc: null }, message: /desc must be a string or null/ },
  { rule: "enum", field: "menuStyle", refused: { ...truewatchValid, menuStyle: "Ops" }, accepted: { ...truewatchValid, menuStyle: "" }, message: /menuStyle must be one of "Operations", "Testing", "Development", ""/ },
  { rule: "type", field: "menuStyle", refused: { ...truewatchValid, menuStyle: null }, accepted: { ...truewatchValid, menuStyle: "Testing" }, message: /menuStyle must be a string/ },
  { rule: "type", field: "needCreateAk", refused: { ...truewatchValid, needCreateAk: "true" }, accepted: { ...truewatchValid, needCreateAk: false }, message: /needCreateAk must be a boolean/ },
  { rule: "type", field: "akName", refused: { ...truewatchValid, akName: null }, accepted: { ...truewatchValid, akName: "ci" }, message: /akName must be a string/ },
  { rule: "enum", field: "language", refused: { ...truewatchValid, language: "de" }, accepted: { ...truewatchValid, language: null }, message: /language must be one of "zh", "en", "", null/ },
  { rule: "additionalProperties", field: "description", refused: { ...truewatchValid, description: "x" }, accepted: { ...truewatchValid, desc: "x" }, message: /description is not a known field/ },
];
