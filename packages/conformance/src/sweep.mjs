// @ts-check
// Deletes what an interrupted live run left behind: the provider's workspaces whose
// names say the suite made them more than an hour ago. Anything else is left alone.
import { isLeftover } from "./names.mjs";

/**
 * Deletes the leftovers and says what it did, one line each.
 * @param {import("./targets.mjs").Target} target
 * @param {any} client
 * @param {Date} now
 * @returns {Promise<string[]>}
 */
export async function sweep(target, client, now) {
  if (target.noDelete) return [`${target.provider}: nothing to sweep (${target.noDelete})`];
  const lines = [];
  for await (const workspace of client.listWorkspaces(target.filter?.("ws-conformance-"))) {
    if (!isLeftover(workspace.name, now)) continue;
    try {
      await client.deleteWorkspace(String(workspace.id));
      lines.push(`${target.provider}: deleted ${workspace.name} (${workspace.id})`);
    } catch (error) {
      lines.push(`${target.provider}: could not delete ${workspace.name} (${workspace.id}): ${String(error)}`);
    }
  }
  return lines.length > 0 ? lines : [`${target.provider}: no leftovers`];
}
