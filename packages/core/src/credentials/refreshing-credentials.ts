// Keeps the answer of a credential provider for one client and asks again before
// it expires. Each answer is a frozen object replaced whole, so a call signs with
// one consistent key pair and token, never half of an old one and half of a new
// one. Concurrent calls share one request to the provider. Inside the refresh
// margin the current keys are still used while one request fetches new ones; if
// that request fails, they are used until they expire (and the refresh is tried
// again a little later), so a short outage of the metadata service fails nothing.
import { checkProvidedCredentials, type CredentialProvider, type ProvidedCredentials } from "./credentials.js";
import { leaveReasons, sharedWork, type SharedWait } from "../runtime/shared-work.js";

/** Ask again this long before `expiration` (or after half the lifetime, when that is sooner). */
export const DEFAULT_REFRESH_MARGIN_IN_MS = 5 * 60_000;

/**
 * Options of {@link refreshingCredentials}.
 *
 * @example
 * const keys = refreshingCredentials(fromMetadata(), { refreshMarginInMs: 10 * 60_000 });
 */
export interface RefreshingCredentialsOptions {
  /** Ask the provider again this long before `expiration` (or after half the lifetime, when that is sooner). Default 5 minutes. */
  refreshMarginInMs?: number | undefined;
  /** Sees every new answer (the client registers its secrets for redaction). */
  onCredentials?: ((credentials: Readonly<ProvidedCredentials>) => void) | undefined;
}

/** A provider's current credentials, asked for again before they expire. */
export interface RefreshingCredentials {
  /**
   * Usable credentials: at once while fresh, else after the one shared request to the
   * provider. A caller leaves when its `abortSignal` fires or its `deadline` passes; the
   * request is aborted when every caller waiting for it has left.
   */
  get(wait?: SharedWait): Readonly<ProvidedCredentials> | Promise<Readonly<ProvidedCredentials>>;
  /** The credentials held now, without asking the provider. */
  peek(): Readonly<ProvidedCredentials> | undefined;
  /**
   * The gateway refused the held keys whose security token is `securityToken` (expired or
   * revoked before their time): drop them, so the next `get()` asks the provider. Keys
   * already replaced are left alone, so many refused calls cause one refresh.
   */
  forget(securityToken: string): void;
}

/**
 * Keeps a provider's answer and asks again before it expires. Each answer is replaced
 * whole (a call never signs with half old, half new keys); concurrent callers share one
 * request; during a refresh, and after a failed one, the current keys are used until they
 * expire. `get()` rejects with the provider's error when there are no usable keys.
 */
export function refreshingCredentials(provider: CredentialProvider, options: RefreshingCredentialsOptions = {}): RefreshingCredentials {
  const margin = options.refreshMarginInMs ?? DEFAULT_REFRESH_MARGIN_IN_MS;
  let held: { value: Readonly<ProvidedCredentials>; refreshAt: number; expiresAt: number } | undefined;
  let retryAt = 0;

  const request = sharedWork(async (abortSignal) => {
    const askedAt = Date.now();
    const value = checkProvidedCredentials(await provider({ abortSignal }));
    options.onCredentials?.(value);
    const expiresAt = value.expiration ? value.expiration.getTime() : Number.POSITIVE_INFINITY;
    const refreshAt = expiresAt - Math.min(margin, Math.max(0, expiresAt - askedAt) / 2);
    held = { value, refreshAt, expiresAt };
    return value;
  });

  return {
    get(wait = {}) {
      const now = Date.now();
      const current = held;
      if (current && now < current.refreshAt) return current.value;
      if (current && now < current.expiresAt) {
        if (!request.running() && now >= retryAt) {
          // In the background, for no caller in particular: it is not aborted with one.
          request.join({}, leaveReasons({}, "new credentials", {})).catch(() => {
            // Keep the valid keys; try again after a quarter of what is left (at most 10 s).
            retryAt = Date.now() + Math.min(10_000, Math.max(0, current.expiresAt - Date.now()) / 4);
          });
        }
        return current.value;
      }
      return request.join(wait, leaveReasons({}, "credentials", wait));
    },
    peek: () => held?.value,
    forget(securityToken) {
      if (held?.value.securityToken !== securityToken) return;
      held = undefined;
      retryAt = 0;
    },
  };
}
