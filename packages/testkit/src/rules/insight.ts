// insight: every documented request rule of the spec, as a body it refuses and one it accepts.
import type { RuleCase } from "../suites.js";

export const insightValid = { name: "ws", eps_id: "0" };
export const insightRules: RuleCase[] = [
  { rule: "required", field: "name", refused: { eps_id: "0" }, accepted: insightValid, message: /name is required/ },
  { rule: "minLength", field: "name", refused: { ...insightValid, name: "" }, accepted: { ...insightValid, name: "w" }, message: /name must not be empty/ },
  { rule: "maxLength", field: "name", refused: { ...insightValid, name: "n".repeat(33) }, accepted: { ...insightValid, name: "n".repeat(32) }, message: /name must be at most 32 characters/ },
  { rule: "required", field: "eps_id", refused: { name: "ws" }, accepted: insightValid, message: /eps_id is required/ },
  { rule: "maxLength", field: "eps_id", refused: { ...insightValid, eps_id: "e".repeat(129) }, accepted: { ...insightValid, eps_id: "e".repeat(128) }, message: /eps_id must be at most 128/ },
  { rule: "maxLength", field: "description", refused: { ...insightValid, description: "d".repeat(10241) }, accepted: { ...insightValid, description: "d".repeat(10240) }, message: /description must be at most 10240/ },
  { rule: "enum", field: "configs.default_dataset_permission", refused: { ...insightValid, configs: { default_dataset_permission: "2" } }, accepted: { ...insightValid, configs: { default_dataset_permission: "1" } }, message: /must be one of "0", "1"/ },
  { rule: "type", field: "configs.works_public", refused: { ...insightValid, configs: { works_public: 1 } }, accepted: { ...insightValid, configs: { works_public: "1" } }, message: /configs\.works_public must be a string/ },
  { rule: "type", field: "configs.custom_key", refused: { ...insightValid, configs: { custom_key: true } }, accepted: { ...insightValid, configs: { custom_key: "yes" } }, message: /configs\.custom_key must be a string/ },
  { rule: "type", field: "configs", refused: { ...insightValid, configs: "mode=0" }, accepted: { ...insightValid, configs: {} }, message: /configs must be an object/ },
  { rule: "additionalProperties", field: "epsId", refused: { name: "ws", eps_id: "0", epsId: "0" }, accepted: insightValid, message: /epsId is not a known field \(did you mean eps_id\?\)/ },
];
