// @ws/insight: create Huawei Cloud DataArts Insight workspaces. A configuration
// of @ws/core: the generated spec types, rules and region table.
import { createHuaweiService, type CallOptions, type HuaweiClientOptions } from "@ws/core";
import type { Client } from "openapi-fetch";
import { endpoints, type EndpointName } from "./generated/endpoints.js";
import { createWorkspace as createWorkspaceOperation } from "./generated/operations.js";
import type { components, paths } from "./generated/schema.js";

export type InsightRegion = EndpointName;
export type CreateWorkspaceRequest = components["schemas"]["CreateWorkspaceRequest"];
export type Workspace = components["schemas"]["Workspace"];
export type { paths, components, operations } from "./generated/schema.js";

export type InsightClientOptions = HuaweiClientOptions<InsightRegion> & {
  /** The project (the `{project_id}` of the path). */
  projectId: string;
  /** The DataArts Insight instance the workspace is created in (the `{instance_id}` of the path). */
  instanceId: string;
};

export interface InsightClient {
  /** Creates a workspace. Resolves to the created workspace; rejects with an SdkError subclass. */
  createWorkspace(body: CreateWorkspaceRequest, options?: CallOptions): Promise<Workspace>;
  /** openapi-fetch client over the same transport, typed by the spec. No input validation. */
  readonly raw: Client<paths>;
}

export function createInsightClient(options: InsightClientOptions): InsightClient {
  const service = createHuaweiService<paths, InsightRegion>({ provider: "insight", endpoints, options, projectId: options.projectId });
  const params = { project_id: options.projectId, instance_id: options.instanceId };
  return {
    raw: service.raw,
    createWorkspace: (body, callOptions) => service.call<Workspace>(createWorkspaceOperation, { params, body }, callOptions),
  };
}

export { endpoints as insightEndpoints };
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
