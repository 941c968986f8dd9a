// insight: every documented request rule of the spec, as a body it refuses and one it accepts.
// Create and update share one body (the Java SDK's WorkspaceDTO), so they share one table.
import type { RuleCase } from "../suites.js";

function workspaceBodyRules(valid: { name: string; eps_id: string }): RuleCase[] {
  return [
    { rule: "required", field: "name", refused: { eps_id: valid.eps_id }, accepted: valid, message: /name is required/ },
    // No minLength and no character rule: the Java SDK gives [0, 1024], and the document's own example has a space.
    { rule: "type", field: "name", refused: { ...valid, name: 32 }, accepted: { ...valid, name: "" }, message: /name must be a string \(got number\)/ },
    { rule: "maxLength", field: "name", refused: { ...valid, name: "n".repeat(1025) }, accepted: { ...valid, name: "Test name ".repeat(102) + "name" }, message: /name must be at most 1024 characters \(got 1025\)/ },
    { rule: "required", field: "eps_id", refused: { name: valid.name }, accepted: valid, message: /eps_id is required/ },
    { rule: "maxLength", field: "eps_id", refused: { ...valid, eps_id: "e".repeat(129) }, accepted: { ...valid, eps_id: "e".repeat(128) }, message: /eps_id must be at most 128/ },
    { rule: "maxLength", field: "description", refused: { ...valid, description: "d".repeat(10241) }, accepted: { ...valid, description: "d".repeat(10240) }, message: /description must be at most 10240/ },
    // default_dataset_permission: only "0" and "1" are explained, no value range is documented: any string goes.
    { rule: "type", field: "configs.default_dataset_permission", refused: { ...valid, configs: { default_dataset_permission: 1 } }, accepted: { ...valid, configs: { default_dataset_permission: "2" } }, message: /configs\.default_dataset_permission must be a string/ },
    { rule: "type", field: "configs.works_public", refused: { ...valid, configs: { works_public: 1 } }, accepted: { ...valid, configs: { works_public: "1" } }, message: /configs\.works_public must be a string/ },
    { rule: "type", field: "configs.custom_key", refused: { ...valid, configs: { custom_key: true } }, accepted: { ...valid, configs: { custom_key: "yes" } }, message: /configs\.custom_key must be a string/ },
    { rule: "type", field: "configs", refused: { ...valid, configs: "mode=0" }, accepted: { ...valid, configs: {} }, message: /configs must be an object/ },
    { rule: "additionalProperties", field: "epsId", refused: { ...valid, epsId: "0" }, accepted: valid, message: /epsId is not a known field \(did you mean eps_id\?\)/ },
  ];
}

export const insightValid = { name: "ws", eps_id: "0" };
export const insightRules: RuleCase[] = workspaceBodyRules(insightValid);

export const insightUpdateValid = { name: "ws-renamed", eps_id: "0" };
export const insightUpdateRules: RuleCase[] = workspaceBodyRules(insightUpdateValid);
