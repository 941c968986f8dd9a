// The README's "Credentials" set-up for DataArts Fabric: only a region in the
// code; the project is optional (X-Project-Id when the environment or the file
// names one) and never looked up.
import { credentialSourcesSuite, requestExample, responseExample } from "@ws/testkit";
import { createFabricClient, type FabricClientOptions } from "../src/index.js";

credentialSourcesSuite({
  envName: "DATAARTSFABRIC",
  region: "cn-southwest-2",
  projectIn: "header",
  client: (options) => {
    const c = createFabricClient(options as FabricClientOptions);
    return () => c.createWorkspace(requestExample("fabric", "createWorkspace"));
  },
  reply: () => responseExample("fabric", "createWorkspace", 200),
});
