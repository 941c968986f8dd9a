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
} from "./errors.js";
export { check, assertValid, codePoints, suggest, type Schema, type SchemaType } from "./validate.js";
export { prepareRequest, type OperationSpec, type ParameterSpec, type OperationInput, type PagingRule, type PreparedRequest } from "./operation.js";
export { paginate, type PagedAsyncIterableIterator, type PageFetcher, type PaginateOptions } from "./paging.js";
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
} from "./waiter.js";
export { ensureWorkspace, type EnsureConfig, type EnsureResult } from "./ensure.js";
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
} from "./workspaces.js";
export { normalizeAnswer, type AnswerFields } from "./answer-fields.js";
export {
  createServiceClient,
  createServiceCall,
  createRawClient,
  withRawClient,
  bindToContext,
  type BoundToContext,
  type ServiceCall,
  type ClientOptions,
  type CallOptions,
  type ServiceClient,
  type ServiceConfig,
} from "./client.js";
export { createPipeline, HttpResponse, isRecord, type HttpRequest, type Policy, type SendRequest, type CallContext } from "./http.js";
export { createTransport, describeFetchFailure, DEFAULT_TIMEOUT_IN_MS, DEFAULT_MAX_RESPONSE_BYTES, type TransportOptions } from "./transport.js";
export {
  RetryPolicy,
  RETRY_DEFAULTS,
  backoffDelay,
  parseRetryAfter,
  type RetryNotice,
  type RetryOptions,
  type RetryClassifier,
} from "./retry.js";
export { realClock, type Clock, type Deadline } from "./time.js";
export {
  AuthPolicy,
  tokenAuthenticator,
  accessKeyAuthenticator,
  iamAuthenticator,
  type Authenticator,
} from "./auth.js";
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
} from "./signing.js";
export { createIamTokenProvider, iamEndpointFor, type IamTokenProvider, type IamTokenOptions } from "./iam.js";
export { resolveBaseUrl, normalizeEndpoint, encodeRfc3986, expandPath, isLoopbackHost, assertRegionName, type EndpointOptions } from "./endpoint.js";
export { readErrorFields, requestIdOf, unwrapBody, type Unwrap, type ErrorFields } from "./response.js";
export { createSecretSet, assertHeaderValue, redactUrl, REDACTED, RECENT_SECRETS, type SecretSet } from "./secrets.js";
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
export { readEnv, hasEnv } from "./env.js";
export { LogPolicy, consoleLogger, logLevelFromEnv, type Logger, type LogLevel, type AttemptLog } from "./logging.js";
export { UserAgentPolicy, sdkUserAgent, runtimeName } from "./user-agent.js";
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
} from "./credentials.js";
export {
  fromEnv,
  fromProfile,
  fromMetadata,
  chainCredentials,
  defaultCredentials,
  CredentialsUnavailableError,
  type CredentialsAttempt,
  type DefaultCredentialsOptions,
} from "./credential-providers.js";
export { useCredentialFallback, type CredentialFallback } from "./chain/web.js";
export { parseIni, loadProfile, DEFAULT_PROFILE, type IniSections, type ProfileOptions, type ProfileLookup } from "./profile-file.js";
export { createMetadataClient, MetadataError, METADATA_ENDPOINT, type MetadataOptions, type MetadataCredentials } from "./metadata.js";
export {
  refreshingCredentials,
  DEFAULT_REFRESH_MARGIN_IN_MS,
  type RefreshingCredentials,
  type RefreshingCredentialsOptions,
} from "./refreshing-credentials.js";
export { createProjectLookup, type ProjectLookup, type ProjectLookupOptions } from "./projects.js";
export type { SharedWait } from "./shared-work.js";
export { createHuaweiService, createHuaweiServiceCall, huaweiAuthenticator, requireOption, type HuaweiClientOptions, type HuaweiServiceConfig } from "./huawei.js";
export {
  huaweiRetryClassifier,
  gatewayThrottleWindow,
  isTokenRejected,
  skewedServerTime,
  parseSdkDate,
} from "./huawei-gateway.js";
