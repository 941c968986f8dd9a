// @ts-check
// What differs between the five services for the conformance suite: the body that
// creates a workspace, the change an update makes and how to read it back, the list
// query that finds one run's workspaces and forces small pages, how a created
// workspace's id is known (RES answers none), and what the service cannot do
// (TrueWatch's OpenAPI has no list and no delete).
import { createFabricClient, errorCodes as fabricCodes } from "@ws/fabric";
import { createInsightClient, errorCodes as insightCodes } from "@ws/insight";
import { createModelArtsClient, errorCodes as modelartsCodes } from "@ws/modelarts";
import { createResClient, errorCodes as resCodes } from "@ws/res";
import { createTrueWatchClient, errorCodes as truewatchCodes } from "@ws/truewatch";

/**
 * @typedef {object} Target
 * @property {"res" | "insight" | "modelarts" | "fabric" | "truewatch"} provider
 * @property {(options: any) => any} client Creates the package's client from these options.
 * @property {Record<string, string>} errorCodes The package's documented error codes.
 * @property {(name: string) => Record<string, unknown>} body A valid create body.
 * @property {(name: string) => Record<string, unknown>} update A valid update body that changes the description.
 * @property {(workspace: any) => unknown} description Where the description is read back.
 * @property {(base: string) => Record<string, unknown>} [filter] A list query that finds the run's workspaces (a fuzzy name filter), where the service has one.
 * @property {Record<string, unknown>} [page] A list query that forces pages of one, where the service pages.
 * @property {boolean} [waiters] The service has states and the package its waiters.
 * @property {(client: any, answer: any, name: string) => Promise<string | undefined>} [idAfterCreate] The id of what create made, where the answer does not hold it.
 * @property {string} missingId A well-formed id no workspace has.
 * @property {string} [noDelete] Why the service's workspaces cannot be deleted (then the suite creates none against a real service).
 */

const idOf = (/** @type {any} */ workspace) => (workspace?.id === undefined ? undefined : String(workspace.id));
const hex32 = "0123456789abcdef0123456789abcdef";

/** @type {Record<Target["provider"], Target>} */
export const TARGETS = {
  res: {
    provider: "res",
    client: createResClient,
    errorCodes: resCodes,
    body: (name) => ({ name, enterprise_project_id: "0", description: "conformance" }),
    update: () => ({ description: "conformance (updated)" }),
    description: (w) => w.description,
    // The create answer is {is_success, message}: the new workspace is found by its name.
    idAfterCreate: async (client, _answer, name) => idOf(await client.findWorkspaceByName(name)),
    missingId: hex32,
  },
  insight: {
    provider: "insight",
    client: createInsightClient,
    errorCodes: insightCodes,
    body: (name) => ({ name, eps_id: "0", description: "conformance" }),
    // The update body requires name and eps_id (the whole workspace is sent again).
    update: (name) => ({ name, eps_id: "0", description: "conformance (updated)" }),
    description: (w) => w.description,
    filter: (base) => ({ name: base }),
    page: { limit: 1 },
    missingId: hex32,
  },
  modelarts: {
    provider: "modelarts",
    client: createModelArtsClient,
    errorCodes: modelartsCodes,
    body: (name) => ({ name, description: "conformance" }),
    update: () => ({ description: "conformance (updated)" }),
    description: (w) => w.description,
    filter: (base) => ({ name: base }),
    page: { limit: 1 },
    waiters: true,
    missingId: hex32,
  },
  fabric: {
    provider: "fabric",
    client: createFabricClient,
    errorCodes: fabricCodes,
    body: (name) => ({ name, description: "conformance" }),
    update: () => ({ description: "conformance (updated)" }),
    description: (w) => w.description,
    filter: (base) => ({ name: base }),
    page: { limit: 1 },
    missingId: "01234567-89ab-cdef-0123-456789abcdef",
  },
  truewatch: {
    provider: "truewatch",
    client: createTrueWatchClient,
    errorCodes: truewatchCodes,
    body: (name) => ({ name, desc: "conformance", needCreateAk: true, akName: name }),
    update: () => ({ desc: "conformance (updated)" }),
    description: (w) => w.desc,
    missingId: "wksp_00000000000000000000000000000000",
    noDelete: "the TrueWatch OpenAPI has no delete (nor list): a created workspace could not be cleaned up",
  },
};

/** The five providers, in the order the suite runs them. */
export const PROVIDERS = /** @type {Array<Target["provider"]>} */ (Object.keys(TARGETS));
