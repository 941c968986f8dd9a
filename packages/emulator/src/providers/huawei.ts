// The error body Huawei's services and gateway share: {error_code, error_msg}.
import type { Reply } from "./types.js";

export function huaweiError(status: number, code: string, message: string, extra: Record<string, unknown> = {}): Reply {
  return { status, body: { error_code: code, error_msg: message, ...extra } };
}
