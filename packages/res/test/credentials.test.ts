// The README's "Credentials" set-up for RES: only a region in the code.
import { credentialSourcesSuite, requestExample, responseExample } from "@ws/testkit";
import { createResClient, type ResClientOptions } from "../src/index.js";

credentialSourcesSuite({
  envName: "RES",
  region: "cn-north-4",
  projectIn: "path",
  client: (options) => {
    const c = createResClient(options as ResClientOptions);
    return () => c.createWorkspace(requestExample("res", "createWorkspace"));
  },
  reply: () => responseExample("res", "createWorkspace", 200),
});
