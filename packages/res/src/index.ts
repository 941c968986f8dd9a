// @ws/res: create Huawei Cloud RES (Recommender System) workspaces. A
// configuration of @ws/core plus RES's one quirk: failures can arrive as HTTP 200
// with `is_success: false`.
import { createHuaweiService, isRecord, type CallOptions, type HuaweiClientOptions, type Unwrap } from "@ws/core";
import type { Client } from "openapi-fetch";
import { endpoints, type EndpointName } from "./generated/endpoints.js";
import { createWorkspace as createWorkspaceOperation } from "./generated/operations.js";
import type { components, paths } from "./generated/schema.js";

export type ResRegion = EndpointName;
export type CreateWorkspaceRequest = components["schemas"]["CreateWorkspaceRequest"];
/** `{ is_success: true, message }`: RES does not return the new workspace's id (list the workspaces to find it). */
export type CreateWorkspaceResponse = components["schemas"]["CreateWorkspaceResponse"];
export type { paths, components, operations } from "./generated/schema.js";

export type ResClientOptions = HuaweiClientOptions<ResRegion> & {
  /** The project the workspace belongs to (the `{project_id}` of the path). */
  projectId: string;
};

export interface ResClient {
  /** Creates a workspace. Resolves to RES's success body; rejects with an SdkError subclass (also when RES says `is_success: false` with HTTP 200). */
  createWorkspace(body: CreateWorkspaceRequest, options?: CallOptions): Promise<CreateWorkspaceResponse>;
  /** openapi-fetch client over the same transport, typed by the spec. No input validation, no envelope check. */
  readonly raw: Client<paths>;
}

/** RES reports some failures with HTTP 200 and `is_success: false`. */
export const unwrapResBody: Unwrap = (body) => {
  if (!isRecord(body)) return { ok: false, outcomeUnknown: true };
  return body.is_success === false ? { ok: false, outcomeUnknown: false } : { ok: true, value: body };
};

export function createResClient(options: ResClientOptions): ResClient {
  const service = createHuaweiService<paths, ResRegion>({ provider: "res", endpoints, options, projectId: options.projectId, unwrap: unwrapResBody });
  const params = { project_id: options.projectId };
  return {
    raw: service.raw,
    createWorkspace: (body, callOptions) =>
      service.call<CreateWorkspaceResponse>(createWorkspaceOperation, { params, body }, callOptions),
  };
}

export { endpoints as resEndpoints };
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
