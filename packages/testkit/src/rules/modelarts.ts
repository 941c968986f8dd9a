// modelarts: every documented request rule of the spec, as a body it refuses and one it accepts.
import type { RuleCase } from "../suites.js";

export const modelartsValid = { name: "team-a" };
export const modelartsRules: RuleCase[] = [
  { rule: "required", field: "name", refused: {}, accepted: { name: "abcd" }, message: /name is required/ },
  { rule: "type", field: "name", refused: { name: 1234 }, accepted: { name: "1234" }, message: /name must be a string \(got number\)/ },
  { rule: "minLength", field: "name", refused: { name: "abc" }, accepted: { name: "abcd" }, message: /name must be at least 4 characters \(got 3\)/ },
  { rule: "maxLength", field: "name", refused: { name: "a".repeat(65) }, accepted: { name: "a".repeat(64) }, message: /name must be at most 64 characters \(got 65\)/ },
  { rule: "pattern", field: "name", refused: { name: "team a!" }, accepted: { name: "Team_a-9" }, message: /name must match/ },
  { rule: "not", field: "name", refused: { name: "default" }, accepted: { name: "default2" }, message: /name must not be "default"/ },
  { rule: "maxLength", field: "description", refused: { ...modelartsValid, description: "d".repeat(257) }, accepted: { ...modelartsValid, description: "d".repeat(256) }, message: /description must be at most 256/ },
  { rule: "type", field: "enterprise_project_id", refused: { ...modelartsValid, enterprise_project_id: 0 }, accepted: { ...modelartsValid, enterprise_project_id: "0" }, message: /enterprise_project_id must be a string/ },
  { rule: "enum", field: "auth_type", refused: { ...modelartsValid, auth_type: "SECRET" }, accepted: { ...modelartsValid, auth_type: "PRIVATE" }, message: /auth_type must be one of "PUBLIC", "PRIVATE", "INTERNAL"/ },
  { rule: "required", field: "grants", refused: { ...modelartsValid, auth_type: "INTERNAL" }, accepted: { ...modelartsValid, auth_type: "INTERNAL", grants: [{ user_id: "u1" }] }, message: /grants is required \(when auth_type is "INTERNAL" or "internal"\)/ },
  { rule: "minItems", field: "grants", refused: { ...modelartsValid, auth_type: "internal", grants: [] }, accepted: { ...modelartsValid, auth_type: "internal", grants: [{ user_name: "test" }] }, message: /grants must have at least 1 item/ },
  { rule: "minProperties", field: "grants[0]", refused: { ...modelartsValid, grants: [{}] }, accepted: { ...modelartsValid, grants: [{ user_name: "bob" }] }, message: /grants\[0\] must set at least 1 of user_id, user_name/ },
  { rule: "minLength", field: "grants[0].user_id", refused: { ...modelartsValid, grants: [{ user_id: "" }] }, accepted: { ...modelartsValid, grants: [{ user_id: "u" }] }, message: /grants\[0\]\.user_id must not be empty/ },
  { rule: "additionalProperties", field: "authType", refused: { ...modelartsValid, authType: "PUBLIC" }, accepted: { ...modelartsValid, auth_type: "PUBLIC" }, message: /authType is not a known field \(did you mean auth_type\?\)/ },
  { rule: "additionalProperties", field: "grants[0].id", refused: { ...modelartsValid, grants: [{ id: "u" }] }, accepted: { ...modelartsValid, grants: [{ user_id: "u" }] }, message: /grants\[0\]\.id is not a known field/ },
];
