// The credentials file Huawei's Go and Python SDKs read: INI, at
// `~/.huaweicloud/credentials` or HUAWEICLOUD_SDK_CREDENTIALS_FILE, one section
// per credential type (`[basic]` for project-level services like these), keys
// `ak`, `sk`, `security_token`, `project_id`, `domain_id`, `iam_endpoint` (and
// here also `region`). File access sits behind `#fs`: node:fs under the `node`
// export condition, nothing elsewhere.
import { defaultCredentialsFile, fileSystem, readTextFile } from "#fs";
import { readEnv } from "../runtime/env.js";
import { ConfigurationError } from "../errors/errors.js";

/** Section name to its keys (lower case) and values. */
export type IniSections = Record<string, Record<string, string>>;

/** The section Huawei's SDKs read for project-level credentials. */
export const DEFAULT_PROFILE = "basic";

/**
 * Parses the INI text the way Huawei's SDKs accept it: `[section]` headers,
 * `key = value` or `key: value`, `#` and `;` comments (also after a value, after
 * a space), keys in any case, values optionally quoted. Refuses what they would
 * read differently: a key outside a section, a repeated section or key, a line that
 * is none of these. The error gives the line number, never the line (it may hold a key).
 */
export function parseIni(text: string, source = "credentials file"): IniSections {
  const sections: IniSections = Object.create(null);
  let current: Record<string, string> | undefined;
  const lines = text.replace(/^\uFEFF/, "").split(/\r\n|\n|\r/);
  const fail = (n: number, why: string) => new ConfigurationError(`${source} line ${n}: ${why}.`);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line === "" || line[0] === "#" || line[0] === ";") continue;
    if (line[0] === "[") {
      const name = line.endsWith("]") ? line.slice(1, -1).trim() : "";
      if (!name) throw fail(i + 1, "a section header must be [name]");
      if (sections[name]) throw fail(i + 1, `section [${name}] appears twice`);
      current = sections[name] = Object.create(null) as Record<string, string>;
      continue;
    }
    const at = line.search(/[=:]/);
    const key = at > 0 ? line.slice(0, at).trim().toLowerCase() : "";
    if (!key) throw fail(i + 1, "expected [section], key = value, or a comment");
    if (!current) throw fail(i + 1, `key ${JSON.stringify(key)} comes before any [section]`);
    if (key in current) throw fail(i + 1, `key ${JSON.stringify(key)} appears twice in its section`);
    let value = line.slice(at + 1).replace(/\s[#;].*$/, "").trim();
    if (value.length >= 2 && (value[0] === '"' || value[0] === "'") && value.endsWith(value[0])) value = value.slice(1, -1);
    current[key] = value;
  }
  return sections;
}

/**
 * Which credentials file and section {@link fromProfile} reads.
 *
 * @example
 * const credentials = fromProfile({ file: "/etc/ws/credentials", profile: "ci" });
 */
export interface ProfileOptions {
  /** The file. Default: HUAWEICLOUD_SDK_CREDENTIALS_FILE, else `~/.huaweicloud/credentials`. */
  file?: string | undefined;
  /** The section. Default `basic`. */
  profile?: string | undefined;
}

/** What {@link loadProfile} found: the file it looked at, and the section or why there is none. */
export interface ProfileLookup {
  /** The file looked at; undefined where there is none to look at. */
  path: string | undefined;
  /** The section's keys, when the file and section exist. */
  section?: Record<string, string> | undefined;
  /** Why there is no section: no file system, no file, no such section. */
  missing?: string | undefined;
}

/** Reads the profile's section. Missing file or section: `missing` says which; unreadable or malformed file: ConfigurationError. */
export function loadProfile(options: ProfileOptions = {}): ProfileLookup {
  const name = options.profile ?? DEFAULT_PROFILE;
  if (!fileSystem) return { path: undefined, missing: "no file system in this runtime" };
  const path = options.file ?? readEnv("HUAWEICLOUD_SDK_CREDENTIALS_FILE") ?? defaultCredentialsFile();
  if (!path) return { path, missing: "no home directory to find .huaweicloud/credentials in" };
  let text: string | undefined;
  try {
    text = readTextFile(path);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    throw new ConfigurationError(`Cannot read the credentials file ${path}${typeof code === "string" ? ` (${code})` : ""}.`);
  }
  if (text === undefined) return { path, missing: `no file ${path}` };
  const section = parseIni(text, path)[name];
  return section ? { path, section } : { path, missing: `no [${name}] section in ${path}` };
}
