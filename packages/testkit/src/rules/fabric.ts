// fabric: every documented request rule of the spec, as a body it refuses and one it accepts.
import type { RuleCase } from "../suites.js";

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
  { rule: "pattern", field: "tags[0].key", refused: { ...fabricValid, tags: [{ key: "cost#center" }] }, accepted: { ...fabricValid, tags: [{ key: "a b\t_.:/\\=+-@Zé标签9" }] }, message: /tags\[0\]\.key must match/ },
  { rule: "maxLength", field: "tags[1].value", refused: { ...fabricValid, tags: [{ key: "a" }, { key: "b", value: "v".repeat(256) }] }, accepted: { ...fabricValid, tags: [{ key: "a" }, { key: "b", value: "v".repeat(255) }] }, message: /at most 255/ },
  // "/" is accepted: the CN page lists 斜杠 (slash) where the EN page says backslash; both are allowed.
  { rule: "pattern", field: "tags[0].value", refused: { ...fabricValid, tags: [{ key: "k", value: "a|b" }] }, accepted: { ...fabricValid, tags: [{ key: "k", value: "a:b@c=d+e/f\\g" }] }, message: /tags\[0\]\.value must match/ },
  { rule: "additionalProperties", field: "tags[0].Key", refused: { ...fabricValid, tags: [{ Key: "k" }] }, accepted: { ...fabricValid, tags: [{ key: "k" }] }, message: /did you mean key\?/ },
];

// The update body: every field optional, the same limits as on create, plus
// enterprise_project_id (on the EN/CN update pages, not in the Go model).
export const fabricUpdateValid = { name: "fabric-2" };
export const fabricUpdateRules: RuleCase[] = [
  { rule: "minLength", field: "name", refused: { name: "fab" }, accepted: { name: "fabr" }, message: /name must be at least 4 characters/ },
  { rule: "maxLength", field: "name", refused: { name: "f".repeat(33) }, accepted: { name: "f".repeat(32) }, message: /name must be at most 32 characters/ },
  { rule: "pattern", field: "name", refused: { name: "my_space" }, accepted: { name: "my-space-01" }, message: /name must match/ },
  { rule: "type", field: "name", refused: { name: 1234 }, accepted: { name: "1234" }, message: /name must be a string/ },
  { rule: "maxLength", field: "description", refused: { description: "d".repeat(256) }, accepted: { description: "d".repeat(255) }, message: /description must be at most 255/ },
  { rule: "minLength", field: "metastore_id", refused: { metastore_id: "x".repeat(31) }, accepted: { metastore_id: "x".repeat(32) }, message: /metastore_id must be at least 32/ },
  { rule: "maxLength", field: "metastore_id", refused: { metastore_id: `${fabricUuid}0` }, accepted: { metastore_id: fabricUuid }, message: /metastore_id must be at most 36/ },
  { rule: "pattern", field: "metastore_id", refused: { metastore_id: fabricUuid.replace(/-/g, "_") }, accepted: { metastore_id: fabricUuid }, message: /metastore_id must match/ },
  { rule: "minLength", field: "enterprise_project_id", refused: { enterprise_project_id: "" }, accepted: { enterprise_project_id: "0" }, message: /enterprise_project_id must not be empty/ },
  { rule: "maxLength", field: "enterprise_project_id", refused: { enterprise_project_id: "e".repeat(65) }, accepted: { enterprise_project_id: "e".repeat(64) }, message: /at most 64/ },
  { rule: "pattern", field: "enterprise_project_id", refused: { enterprise_project_id: "eps 1" }, accepted: { enterprise_project_id: "eps-1" }, message: /enterprise_project_id must match/ },
  { rule: "additionalProperties", field: "metastoreId", refused: { metastoreId: fabricUuid }, accepted: { metastore_id: fabricUuid }, message: /metastoreId is not a known field \(did you mean metastore_id\?\)/ },
  { rule: "additionalProperties", field: "tags", refused: { tags: [{ key: "k" }] }, accepted: { ...fabricUpdateValid }, message: /tags is not a known field/ },
];
