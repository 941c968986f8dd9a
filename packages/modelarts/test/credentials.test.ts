// The README's "Credentials" set-up for ModelArts: only a region in the code.
import { credentialSourcesSuite, requestExample, responseExample } from "@ws/testkit";
import { createModelArtsClient, type ModelArtsClientOptions } from "../src/index.js";

credentialSourcesSuite({
  envName: "MODELARTS",
  region: "cn-north-4",
  projectIn: "path",
  client: (options) => {
    const c = createModelArtsClient(options as ModelArtsClientOptions);
    return () => c.createWorkspace(requestExample("modelarts", "createWorkspace"));
  },
  reply: () => responseExample("modelarts", "createWorkspace", 200),
});
