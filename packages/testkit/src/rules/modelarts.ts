// modelarts: every documented request rule of the spec, as a body it refuses and one it accepts.
import type { RuleCase } from "../suites.js";

export const modelartsValid = { name: "team-a" };
export const modelartsRules: RuleCase[] = [
  { rule: "required", field: "name", refused: {}, accepted: { name: "abcd" }, message: /name is required/ },
  { rule: "type", field: "name", refused: { name: 1234 }, accepted: { name: "1234" }, message: /name must be a string \(got number\)/ },
  { rule: "minLength", field: "name", refused: { name: "abc" }, accepted: { name: "abcd" }, message: /name must be at least 4 characters \(got 3\)/ },
  { rule: "maxLength", field: "name", refused: { name: "a".repeat(65) }, accepted: { name: "a".repeat(64) }, message: /name must be at most 64 characters \(got 65\)/ },
  // Chinese characters are accepted (Huawei SDK models and pages); spaces and punctuation are not.
  { rule: "pattern", field: "name", refused: { name: "team a!" }, accepted: { name: "团队_a-9" }, message: /name must match/ },
  { rule: "not", field: "name", refused: { name: "default" }, accepted: { name: "default2" }, message: /name must not be "default"/ },
  { rule: "maxLength", field: "description", refused: { ...modelartsValid, description: "d".repeat(257) }, accepted: { ...modelartsValid, description: "d".repeat(256) }, message: /description must be at most 256/ },
  { rule: "type", field: "enterprise_project_id", refused: { ...modelartsValid, enterprise_project_id: 0 }, accepted: { ...modelartsValid, enterprise_project_id: "0" }, message: /enterprise_project_id must be a string/ },
  { rule: "enum", field: "auth_type", refused: { ...modelartsValid, auth_type: "SECRET" }, accepted: { ...modelartsValid, auth_type: "PRIVATE" }, message: /auth_type must be one of "PUBLIC", "PRIVATE", "INTERNAL"/ },
  { rule: "required", field: "grants", refused: { ...modelartsValid, auth_type: "INTERNAL" }, accepted: { ...modelartsValid, auth_type: "INTERNAL", grants: [{ user_id: "u1" }] }, message: /grants is required \(when auth_type is "INTERNAL" or "internal"\)/ },
  { rule: "minItems", field: "grants", refused: { ...modelartsValid, auth_type: "internal", grants: [] }, accepted: { ...modelartsValid, auth_type: "internal", grants: [{ user_name: "test" }] }, message: /grants must have at least 1 item/ },
  { rule: "anyOf", field: "grants[0]", refused: { ...modelartsValid, grants: [{ user_type: "FEDERATE" }] }, accepted: { ...modelartsValid, grants: [{ user_name: "bob", user_type: "FEDERATE" }] }, message: /grants\[0\] must satisfy one of: grants\[0\]\.user_id is required; or grants\[0\]\.user_name is required/ },
  { rule: "minLength", field: "grants[0].user_id", refused: { ...modelartsValid, grants: [{ user_id: "" }] }, accepted: { ...modelartsValid, grants: [{ user_id: "u" }] }, message: /grants\[0\]\.user_id must not be empty/ },
  { rule: "enum", field: "grants[0].user_type", refused: { ...modelartsValid, grants: [{ user_name: "bob", user_type: "iam" }] }, accepted: { ...modelartsValid, grants: [{ user_id: "u1", user_type: "AGENCY" }] }, message: /grants\[0\]\.user_type must be one of "IAM", "FEDERATE", "AGENCY"/ },
  { rule: "additionalProperties", field: "authType", refused: { ...modelartsValid, authType: "PUBLIC" }, accepted: { ...modelartsValid, auth_type: "PUBLIC" }, message: /authType is not a known field \(did you mean auth_type\?\)/ },
  { rule: "additionalProperties", field: "grants[0].id", refused: { ...modelartsValid, grants: [{ id: "u" }] }, accepted: { ...modelartsValid, grants: [{ user_id: "u" }] }, message: /grants\[0\]\.id is not a known field/ },
];

// updateWorkspace: every field optional, the same rules as create (name, description,
// auth_type, grants) except that INTERNAL without grants is accepted (the live service
// accepts it: specs/modelarts.yaml); no enterprise_project_id.
export const modelartsUpdateValid = { description: "It is my workspace" };
export const modelartsUpdateRules: RuleCase[] = [
  { rule: "type", field: "name", refused: { name: 1234 }, accepted: { name: "1234" }, message: /name must be a string \(got number\)/ },
  { rule: "minLength", field: "name", refused: { name: "abc" }, accepted: { name: "abcd" }, message: /name must be at least 4 characters \(got 3\)/ },
  { rule: "maxLength", field: "name", refused: { name: "a".repeat(65) }, accepted: { name: "a".repeat(64) }, message: /name must be at most 64 characters \(got 65\)/ },
  { rule: "pattern", field: "name", refused: { name: "my workspace" }, accepted: { name: "my_workspace" }, message: /name must match/ },
  { rule: "not", field: "name", refused: { name: "default" }, accepted: { name: "defaults" }, message: /name must not be "default"/ },
  { rule: "maxLength", field: "description", refused: { description: "d".repeat(257) }, accepted: { description: "d".repeat(256) }, message: /description must be at most 256/ },
  { rule: "enum", field: "auth_type", refused: { auth_type: "SHARED" }, accepted: { auth_type: "public" }, message: /auth_type must be one of "PUBLIC", "PRIVATE", "INTERNAL"/ },
  { rule: "anyOf", field: "grants[0]", refused: { grants: [{ user_type: "AGENCY" }] }, accepted: { grants: [{ user_id: "u1", user_type: "AGENCY" }] }, message: /grants\[0\] must satisfy one of: grants\[0\]\.user_id is required; or grants\[0\]\.user_name is required/ },
  { rule: "minLength", field: "grants[0].user_name", refused: { grants: [{ user_name: "" }] }, accepted: { grants: [{ user_name: "u" }] }, message: /grants\[0\]\.user_name must not be empty/ },
  { rule: "enum", field: "grants[0].user_type", refused: { grants: [{ user_id: "u1", user_type: "USER" }] }, accepted: { grants: [{ user_id: "u1", user_type: "IAM" }] }, message: /grants\[0\]\.user_type must be one of "IAM", "FEDERATE", "AGENCY"/ },
  { rule: "additionalProperties", field: "enterprise_project_id", refused: { ...modelartsUpdateValid, enterprise_project_id: "0" }, accepted: { ...modelartsUpdateValid }, message: /enterprise_project_id is not a known field/ },
  { rule: "additionalProperties", field: "grants[0].userName", refused: { grants: [{ userName: "bob" }] }, accepted: { grants: [{ user_name: "bob" }] }, message: /grants\[0\]\.userName is not a known field \(did you mean user_name\?\)/ },
];
