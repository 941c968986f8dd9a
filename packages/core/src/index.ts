export {
  SdkError,
  ApiError,
  ConnectionError,
  TimeoutError,
  AbortError,
  ValidationError,
  ConfigurationError,
  sameErrorCode,
  normalizeErrorCode,
  type SdkErrorOptions,
  type ApiErrorOptions,
  type ValidationIssue,
  type ResponseInfo,
} from "./errors.js";
export { check, assertValid, type Schema, type SchemaType } from "./validate.js";
export {
  createServiceClient,
  type ClientOptions,
  type CallOptions,
  type OperationSpec,
  type ServiceClient,
  type ServiceConfig,
} from "./client.js";
export { createPipeline, HttpResponse, isRecord, type HttpRequest, type Policy, type SendRequest, type CallContext } from "./http.js";
export { createTransport, DEFAULT_TIMEOUT_IN_MS, DEFAULT_MAX_RESPONSE_BYTES, type TransportOptions } from "./transport.js";
export {
  RetryPolicy,
  RETRY_DEFAULTS,
  backoffDelay,
  parseRetryAfter,
  type RetryOptions,
  type RetryClassifier,
} from "./retry.js";
export { AuthPolicy, tokenAuthenticator, type Authenticator, type TokenSource } from "./auth.js";
export { resolveBaseUrl, normalizeEndpoint, encodeRfc3986, expandPath, isLoopbackHost, type EndpointOptions } from "./endpoint.js";
export { readErrorFields, requestIdOf, unwrapBody, type Unwrap, type ErrorFields } from "./response.js";
export { SecretSet, assertHeaderValue, redactUrl, REDACTED } from "./secrets.js";
export { LogPolicy, type Logger, type AttemptLog } from "./logging.js";
export type { HuaweiCredentials, TokenCredentials } from "./credentials.js";
export {
  createHuaweiService,
  huaweiRetryClassifier,
  gatewayThrottleWindow,
  type HuaweiClientOptions,
  type HuaweiServiceConfig,
} from "./huawei.js";
