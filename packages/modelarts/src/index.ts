// @ws/modelarts: create ModelArts workspaces. A configuration of @ws/core: the
// generated spec types, rules and region table, nothing else of its own.
import { createHuaweiService, type CallOptions, type HuaweiClientOptions } from "@ws/core";
import type { Client } from "openapi-fetch";
import { endpoints, type EndpointName } from "./generated/endpoints.js";
import { createWorkspace as createWorkspaceOperation } from "./generated/operations.js";
import type { components, paths } from "./generated/schema.js";

export type ModelArtsRegion = EndpointName;
export type CreateWorkspaceRequest = components["schemas"]["CreateWorkspaceRequest"];
export type Workspace = components["schemas"]["Workspace"];
export type { paths, components, operations } from "./generated/schema.js";

export type ModelArtsClientOptions = HuaweiClientOptions<ModelArtsRegion> & {
  /** The project the workspace belongs to (the `{project_id}` of the path). */
  projectId: string;
};

export interface ModelArtsClient {
  /** Creates a workspace. Resolves to the created workspace; rejects with an SdkError subclass. */
  createWorkspace(body: CreateWorkspaceRequest, options?: CallOptions): Promise<Workspace>;
  /** openapi-fetch client over the same transport (auth, retries, timeouts), typed by the spec. No input validation. */
  readonly raw: Client<paths>;
}

export function createModelArtsClient(options: ModelArtsClientOptions): ModelArtsClient {
  const service = createHuaweiService<paths, ModelArtsRegion>({ provider: "modelarts", endpoints, options, projectId: options.projectId });
  const params = { project_id: options.projectId };
  return {
    raw: service.raw,
    createWorkspace: (body, callOptions) => service.call<Workspace>(createWorkspaceOperation, { params, body }, callOptions),
  };
}

export { endpoints as modelArtsEndpoints };
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
