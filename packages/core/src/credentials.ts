// The credential forms a Huawei client accepts. A union discriminated by its
// key, so each form stands alone in editors and errors.
import type { TokenSource } from "./auth.js";

/** An IAM token you manage yourself: the string, or a function returning the current one (called before every attempt). */
export interface TokenCredentials {
  token: TokenSource;
}

export type HuaweiCredentials = TokenCredentials;

export function describeCredentialForms(): string {
  return "credentials: { token }";
}
