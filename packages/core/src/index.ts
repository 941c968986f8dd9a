/**
 * The shared runtime of the `@ws` workspace SDKs: credentials and their providers, AK/SK
 * signing, the transport with retries and timeouts, one error model, input validation,
 * paging and waiters. Applications use it through a provider package (`@ws/modelarts`, ...),
 * which re-exports what they need (the errors, the credential providers, `CallOptions`);
 * the rest is for building a client of another service on the same runtime.
 *
 * @example
 * import { SdkError, fromProfile } from "@ws/core";
 *
 * @module @ws/core
 */
export {
  SdkError,
  ApiError,
  ConnectionError,
  TimeoutError,
  AbortError,
  ValidationError,
  ConfigurationError,
  NotFoundError,
  sameErrorCode,
  normalizeErrorCode,
  type SdkErrorOptions,
  type ApiErrorOptions,
  type ValidationIssue,
  type ResponseInfo,
  type RequestSummary,
} from "./errors/errors.js";
export { check, assertValid, codePoints, suggest, type Schema, type SchemaType } from "./operations/validate.js";
export { prepareRequest, type OperationSpec, type ParameterSpec, type OperationInput, type PagingRule, type PreparedRequest } from "./operations/operation.js";
export { paginate, type PagedAsyncIterableIterator, type PageFetcher, type PaginateOptions } from "./operations/paging.js";
export {
  pollUntil,
  waiterDelay,
  workspaceWaiters,
  WaiterError,
  WAITER_DEFAULTS,
  type WaiterOptions,
  type WaiterErrorOptions,
  type PollVerdict,
  type WorkspaceStates,
  type WorkspaceWaiters,
  type WaiterClock,
} from "./operations/waiter.js";
export { ensureWorkspace, type EnsureConfig, type EnsureResult } from "./operations/ensure.js";
export {
  workspaceMethods,
  acceptAnyBody,
  listWorkspacesWith,
  getWorkspaceWith,
  getWorkspaceFromList,
  findWorkspaceByNameWith,
  ensureWorkspaceWith,
  paramsWithId,
  type WorkspaceMethods,
  type WorkspaceApiConfig,
  type WorkspaceOperations,
  type WorkspaceScope,
  type LifecycleService,
  type WorkspaceIdInput,
} from "./operations/workspaces.js";
export { normalizeAnswer, type AnswerFields } from "./operations/answer-fields.js";
export { createServiceClient, createRawClient, withRawClient } from "./operations/raw-client.js";
export {
  createServiceCall,
  bindToContext,
  type BoundToContext,
  type ServiceCall,
  type ClientOptions,
  type CallOptions,
  type ServiceClient,
  type ServiceConfig,
} from "./operations/client.js";
export { createPipeline, HttpResponse, isRecord, type HttpRequest, type Policy, type SendRequest, type CallContext } from "./http/http.js";
export { createTransport, describeFetchFailure, DEFAULT_TIMEOUT_IN_MS, DEFAULT_MAX_RESPONSE_BYTES, type TransportOptions } from "./pipeline/transport.js";
export {
  RetryPolicy,
  RETRY_DEFAULTS,
  backoffDelay,
  parseRetryAfter,
  type RetryNotice,
  type RetryOptions,
  type RetryClassifier,
} from "./pipeline/retry.js";
export { realClock, type Clock, type Deadline } from "./runtime/time.js";
export {
  AuthPolicy,
  tokenAuthenticator,
  accessKeyAuthenticator,
  iamAuthenticator,
  type Authenticator,
} from "./pipeline/auth.js";
export {
  createSigner,
  canonicalRequest,
  canonicalUri,
  canonicalQuery,
  formatSdkDate,
  defaultHashing,
  SIGNING_ALGORITHM,
  EMPTY_BODY_SHA256,
  type Signer,
  type SignableRequest,
  type Hashing,
} from "./pipeline/signing.js";
export { createIamTokenProvider, iamEndpointFor, type IamTokenProvider, type IamTokenOptions } from "./huawei/iam.js";
export { resolveBaseUrl, normalizeEndpoint, encodeRfc3986, expandPath, isLoopbackHost, assertRegionName, type EndpointOptions } from "./http/endpoint.js";
export { readErrorFields, requestIdOf, unwrapBody, type Unwrap, type ErrorFields, type MapContext } from "./pipeline/response.js";
export { createSecretSet, assertHeaderValue, redactUrl, REDACTED, RECENT_SECRETS, type SecretSet } from "./errors/secrets.js";
export {
  setInstrumenter,
  getInstrumenter,
  type Instrumenter,
  type TraceSpan,
  type TraceSpanOptions,
  type TraceSpanKind,
  type TraceAttributes,
  type TraceAttributeValue,
} from "./tracing/instrumenter.js";
export { withTracing, type TraceIdentity, type ClientTracing } from "./tracing/call.js";
export { readEnv, hasEnv } from "./runtime/env.js";
export { LogPolicy, consoleLogger, logLevelFromEnv, type Logger, type LogLevel, type AttemptLog } from "./pipeline/logging.js";
export { UserAgentPolicy, sdkUserAgent, runtimeName } from "./pipeline/user-agent.js";
export {
  resolveHuaweiCredentials,
  huaweiCredentialsFromEnv,
  checkProvidedCredentials,
  CREDENTIAL_FORMS,
  type TokenSource,
  type HuaweiCredentials,
  type TokenCredentials,
  type AccessKeyCredentials,
  type IamPasswordCredentials,
  type ProvidedCredentials,
  type CredentialProvider,
  type CredentialRequestOptions,
} from "./credentials/credentials.js";
export {
  fromEnv,
  fromProfile,
  fromMetadata,
  chainCredentials,
  defaultCredentials,
  CredentialsUnavailableError,
  type CredentialsAttempt,
  type DefaultCredentialsOptions,
} from "./credentials/credential-providers.js";
export { useCredentialFallback, type CredentialFallback } from "./credentials/chain/web.js";
export { parseIni, loadProfile, DEFAULT_PROFILE, type IniSections, type ProfileOptions, type ProfileLookup } from "./credentials/profile-file.js";
export { createMetadataClient, MetadataError, METADATA_ENDPOINT, type MetadataOptions, type MetadataCredentials } from "./credentials/metadata.js";
export {
  refreshingCredentials,
  DEFAULT_REFRESH_MARGIN_IN_MS,
  type RefreshingCredentials,
  type RefreshingCredentialsOptions,
} from "./credentials/refreshing-credentials.js";
export { createProjectLookup, type ProjectLookup, type ProjectLookupOptions } from "./huawei/projects.js";
export type { SharedWait } from "./runtime/shared-work.js";
export { createHuaweiService, createHuaweiServiceCall, huaweiAuthenticator, requireOption, type HuaweiClientOptions, type HuaweiServiceConfig } from "./huawei/huawei.js";
export {
  huaweiRetryClassifier,
  gatewayThrottleWindow,
  isTokenRejected,
  skewedServerTime,
  parseSdkDate,
} from "./huawei/huawei-gateway.js";
