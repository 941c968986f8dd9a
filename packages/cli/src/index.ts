/**
 * `ws`, the command line over the workspace SDKs (JSON in and out, JMESPath queries, dry
 * runs, waiters, the emulator); this entry runs the same command lines from code.
 *
 * @example
 * import { run } from "@ws/cli";
 * const code = await run(["modelarts", "list-workspaces", "--region", "cn-north-4"]);
 *
 * @module @ws/cli
 */
// @ws/cli: the `ws` command line over the workspace SDKs. The bin is `ws`; this entry
// runs the same command lines from code (for tests, or a tool that embeds it).
export { run, DEFAULT_MAX_WAIT_IN_MS, type RunOptions } from "./run.js";
export { EXIT_CODES } from "./errors.js";
export { COMMANDS, PROVIDERS, type CommandDef, type CommandKind, type ProviderName } from "./commands.js";
export { providers as specCommands, type FieldInfo, type OperationInfo, type ProviderInfo } from "./generated/commands.js";
