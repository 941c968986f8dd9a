// Every documented request rule of each spec, as one body the rule refuses and one it
// accepts. The provider packages check them against the SDK's validator, the emulator
// against its own (Ajv on the same specs): both must read the specs alike.
import type { RuleCase } from "./suites.js";

export const modelartsValid = { name: "team-a" };
// Every rule of the spec's CreateWorkspaceRequest: a value it refuses and one it accepts.
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

export const resValid = { name: "ws1", enterprise_project_id: "0" };
export const resRules: RuleCase[] = [
  { rule: "required", field: "name", refused: { enterprise_project_id: "0" }, accepted: resValid, message: /name is required/ },
  { rule: "minLength", field: "name", refused: { ...resValid, name: "" }, accepted: { ...resValid, name: "a" }, message: /name must not be empty/ },
  { rule: "maxLength", field: "name", refused: { ...resValid, name: "a".repeat(65) }, accepted: { ...resValid, name: "a".repeat(64) }, message: /name must be at most 64 characters \(got 65\)/ },
  { rule: "pattern", field: "name", refused: { ...resValid, name: "team-" }, accepted: { ...resValid, name: "team-a" }, message: /name must match/ },
  { rule: "pattern", field: "name", refused: { ...resValid, name: "team a" }, accepted: { ...resValid, name: "推荐_工作空间-1" }, message: /name must match/ },
  { rule: "required", field: "enterprise_project_id", refused: { name: "ws1" }, accepted: resValid, message: /enterprise_project_id is required/ },
  { rule: "minLength", field: "enterprise_project_id", refused: { ...resValid, enterprise_project_id: "" }, accepted: resValid, message: /enterprise_project_id must not be empty/ },
  { rule: "maxLength", field: "enterprise_project_id", refused: { ...resValid, enterprise_project_id: "e".repeat(257) }, accepted: { ...resValid, enterprise_project_id: "e".repeat(256) }, message: /at most 256/ },
  { rule: "type", field: "description", refused: { ...resValid, description: 5 }, accepted: { ...resValid, description: "" }, message: /description must be a string/ },
  { rule: "additionalProperties", field: "desc", refused: { ...resValid, desc: "x" }, accepted: { ...resValid, description: "x" }, message: /desc is not a known field/ },
];

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

const fabricUuid = "2180518f-42b8-4947-b20b-adfc539e0f1a";
export const fabricValid = { name: "fabric" };
export const fabricRules: RuleCase[] = [
  { rule: "required", field: "name", refused: {}, accepted: fabricValid, message: /name is required/ },
  { rule: "minLength", field: "name", refused: { name: "fab" }, accepted: { name: "fabr" }, message: /name must be at least 4 characters/ },
  { rule: "maxLength", field: "name", refused: { name: "f".repeat(33) }, accepted: { name: "f".repeat(32) }, message: /name must be at most 32 characters/ },
  { rule: "pattern", field: "name", refused: { name: "my_space" }, accepted: { name: "my-space-01" }, message: /name must match/ },
  { rule: "maxLength", field: "description", refused: { ...fabricValid, description: "d".repeat(256) }, accepted: { ...fabricValid, description: "d".repeat(255) }, message: /description must be at most 255/ },
  { rule: "minLength", field: "metastore_id", refused: { ...fabricValid, metastore_id: "x".repeat(31) }, accepted: { ...fabricValid, metastore_id: "x".repeat(32) }, message: /metastore_id must be at least 32/ },
  { rule: "maxLength", field: "metastore_id", refused: { ...fabricValid, metastore_id: `${fabricUuid}0` }, accepted: { ...fabricValid, metastore_id: fabricUuid }, message: /metastore_id must be at most 36/ },
  { rule: "pattern", field: "metastore_id", refused: { ...fabricValid, metastore_id: fabricUuid.replace(/-/g, "_") }, accepted: { ...fabricValid, metastore_id: fabricUuid }, message: /metastore_id must match/ },
  { rule: "minLength", field: "enterprise_project_id", refused: { ...fabricValid, enterprise_project_id: "" }, accepted: { ...fabricValid, enterprise_project_id: "0" }, message: /enterprise_project_id must not be empty/ },
  { rule: "maxLength", field: "enterprise_project_id", refused: { ...fabricValid, enterprise_project_id: "e".repeat(65) }, accepted: { ...fabricValid, enterprise_project_id: "e".repeat(64) }, message: /at most 64/ },
  { rule: "pattern", field: "enterprise_project_id", refused: { ...fabricValid, enterprise_project_id: "eps 1" }, accepted: { ...fabricValid, enterprise_project_id: "eps-1" }, message: /enterprise_project_id must match/ },
  { rule: "required", field: "tags[0].key", refused: { ...fabricValid, tags: [{ value: "v" }] }, accepted: { ...fabricValid, tags: [{ key: "k" }] }, message: /tags\[0\]\.key is required/ },
  { rule: "minLength", field: "tags[0].key", refused: { ...fabricValid, tags: [{ key: "" }] }, accepted: { ...fabricValid, tags: [{ key: "k", value: "" }] }, message: /tags\[0\]\.key must not be empty/ },
  { rule: "maxLength", field: "tags[0].key", refused: { ...fabricValid, tags: [{ key: "k".repeat(129) }] }, accepted: { ...fabricValid, tags: [{ key: "k".repeat(128) }] }, message: /at most 128/ },
  { rule: "pattern", field: "tags[0].key", refused: { ...fabricValid, tags: [{ key: "cost#center" }] }, accepted: { ...fabricValid, tags: [{ key: "a b\t_.:\\=+-@Zé标签9" }] }, message: /tags\[0\]\.key must match/ },
  { rule: "maxLength", field: "tags[1].value", refused: { ...fabricValid, tags: [{ key: "a" }, { key: "b", value: "v".repeat(256) }] }, accepted: { ...fabricValid, tags: [{ key: "a" }, { key: "b", value: "v".repeat(255) }] }, message: /at most 255/ },
  { rule: "pattern", field: "tags[0].value", refused: { ...fabricValid, tags: [{ key: "k", value: "a/b" }] }, accepted: { ...fabricValid, tags: [{ key: "k", value: "a:b@c=d+e" }] }, message: /tags\[0\]\.value must match/ },
  { rule: "additionalProperties", field: "tags[0].Key", refused: { ...fabricValid, tags: [{ Key: "k" }] }, accepted: { ...fabricValid, tags: [{ key: "k" }] }, message: /did you mean key\?/ },
];

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
