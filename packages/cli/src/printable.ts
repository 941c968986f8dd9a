// Strings a service controls (names, messages, states) reach the user's terminal: a
// control character in them (ESC, CSI, ...) would be obeyed by the terminal, not shown.
// Each is written as a visible escape instead.

// C0 controls, DEL and C1 controls (U+0080–U+009F: 0x9B is a one-byte CSI on some terminals).
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;
const C1_AND_DEL = /[\u007f-\u009f]/g;
const NAMED: Record<string, string> = { "\n": "\\n", "\r": "\\r", "\t": "\\t" };

const hex = (ch: string) => ch.charCodeAt(0).toString(16).padStart(2, "0");

/** `text` with every control character as `\n`, `\t`, `\r` or `\xNN`, except those in `keep` (the line breaks of a multi-line message). */
export function printable(text: string, keep = ""): string {
  return text.replace(CONTROL, (ch) => (keep.includes(ch) ? ch : (NAMED[ch] ?? `\\x${hex(ch)}`)));
}

/** JSON text with DEL and C1 controls escaped as `\u00NN` (JSON.stringify escapes only C0): the same JSON value. */
export function printableJson(json: string): string {
  return json.replace(C1_AND_DEL, (ch) => `\\u00${hex(ch)}`);
}

/**
 * YAML text with DEL and C1 controls escaped as `\xNN`: the same YAML value, since the
 * `yaml` library puts every string holding one in double quotes (where `\xNN` is an escape)
 * but writes the character itself.
 */
export function printableYaml(yaml: string): string {
  return yaml.replace(C1_AND_DEL, (ch) => `\\x${hex(ch)}`);
}
