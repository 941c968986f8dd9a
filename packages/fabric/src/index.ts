// @ws/fabric: create Huawei Cloud DataArts Fabric workspaces. A configuration of
// @ws/core. Fabric's paths carry no project id: the token's scope names the
// project, or (with AK/SK) the signed X-Project-Id header from `projectId`.
import { createHuaweiService, type CallOptions, type HuaweiClientOptions } from "@ws/core";
import type { Client } from "openapi-fetch";
import { endpoints, type EndpointName } from "./generated/endpoints.js";
import { createWorkspace as createWorkspaceOperation } from "./generated/operations.js";
import type { components, paths } from "./generated/schema.js";

export type FabricRegion = EndpointName;
export type CreateWorkspaceRequest = components["schemas"]["CreateWorkspaceRequest"];
export type Workspace = components["schemas"]["Workspace"];
export type { paths, components, operations } from "./generated/schema.js";

export type FabricClientOptions = HuaweiClientOptions<FabricRegion> & {
  /** Optional: the project to act in, sent as X-Project-Id when requests are signed with AK/SK. */
  projectId?: string | undefined;
};

export interface FabricClient {
  /** Creates a workspace. Resolves to the created workspace; rejects with an SdkError subclass. */
  createWorkspace(body: CreateWorkspaceRequest, options?: CallOptions): Promise<Workspace>;
  /** openapi-fetch client over the same transport, typed by the spec. No input validation. */
  readonly raw: Client<paths>;
}

export function createFabricClient(options: FabricClientOptions): FabricClient {
  const service = createHuaweiService<paths, FabricRegion>({ provider: "fabric", endpoints, options, projectId: options.projectId });
  return {
    raw: service.raw,
    createWorkspace: (body, callOptions) => service.call<Workspace>(createWorkspaceOperation, { body }, callOptions),
  };
}

export { endpoints as fabricEndpoints };
export {
  SdkError,
  ApiError,
  ConnectionError,
  TimeoutError,
  AbortError,
  ValidationError,
  ConfigurationError,
  type CallOptions,
} from "@ws/core";
