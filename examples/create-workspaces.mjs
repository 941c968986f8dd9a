// One workspace with each package, through its public API. The same code serves
// the emulator and the real services: only `target` differs.
import { createResClient } from "@ws/res";
import { createInsightClient } from "@ws/insight";
import { createModelArtsClient } from "@ws/modelarts";
import { createFabricClient } from "@ws/fabric";
import { createTrueWatchClient } from "@ws/truewatch";

/**
 * @param {object} target
 * @param {string} [target.endpoint]  one base URL for all five (the emulator); otherwise region and site pick the hosts
 * @param {string} [target.region]
 * @param {string} [target.site]
 * @param {object} [target.credentials]  Huawei credentials; omitted: HUAWEICLOUD_SDK_AK / _SK from the environment
 * @param {string} [target.apiKey]  TrueWatch key; omitted: TRUEWATCH_API_KEY
 * @param {string} target.projectId
 * @param {string} target.instanceId  DataArts Insight instance
 */
export function clientsFor(target) {
  const where = target.endpoint ? { endpoint: target.endpoint } : { region: target.region };
  const huawei = { ...where, credentials: target.credentials, projectId: target.projectId };
  return {
    res: createResClient(huawei),
    insight: createInsightClient({ ...huawei, instanceId: target.instanceId }),
    modelarts: createModelArtsClient(huawei),
    fabric: createFabricClient(huawei),
    truewatch: createTrueWatchClient(target.endpoint ? { endpoint: target.endpoint, apiKey: target.apiKey } : { site: target.site, apiKey: target.apiKey }),
  };
}

/** Creates one workspace per package; returns a row per package. */
export async function createOneEach(clients, suffix) {
  const rows = [];
  const res = await clients.res.createWorkspace({ name: `demo-res-${suffix}`, enterprise_project_id: "0" });
  rows.push({ package: "@ws/res", name: `demo-res-${suffix}`, id: "(RES returns none)", detail: res.message });
  const insight = await clients.insight.createWorkspace({ name: `demo-insight-${suffix}`, eps_id: "0" });
  rows.push({ package: "@ws/insight", name: insight.name, id: insight.id, detail: `instance ${insight.instance_id}` });
  const ma = await clients.modelarts.createWorkspace({ name: `demo-modelarts-${suffix}`, auth_type: "PRIVATE" });
  rows.push({ package: "@ws/modelarts", name: ma.name, id: ma.id, detail: `${ma.status}, ${ma.auth_type}` });
  const fabric = await clients.fabric.createWorkspace({ name: `demo-fabric-${suffix}`, tags: [{ key: "purpose", value: "demo" }] });
  rows.push({ package: "@ws/fabric", name: fabric.name, id: fabric.id, detail: `created ${fabric.create_time}` });
  const tw = await clients.truewatch.createWorkspace({ name: `demo-truewatch-${suffix}`, desc: "created by pnpm demo" });
  rows.push({ package: "@ws/truewatch", name: tw.wsInfo?.name, id: tw.wsInfo?.uuid, detail: `version ${tw.wsInfo?.versionType}` });
  return rows;
}
