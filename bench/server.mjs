// The loopback server the request benchmarks call, in its own process so it
// does not share the client's event loop: answers every request at once with
// the ModelArts document's example workspace.
import http from "node:http";

const body = JSON.stringify({
  id: "d05d1a553b4e188ea878e7dcb85e0001",
  name: "team-a",
  description: "",
  owner: "bench",
  create_time: 1470000020000,
  update_time: 1470000030000,
  enterprise_project_id: "0",
  enterprise_project_name: "default",
  auth_type: "PRIVATE",
  status: "NORMAL",
  status_info: "",
});
const headers = { "content-type": "application/json", "content-length": Buffer.byteLength(body), "x-request-id": "bench" };
const server = http.createServer((req, res) => {
  req.resume();
  req.on("end", () => {
    res.writeHead(200, headers);
    res.end(body);
  });
});
server.keepAliveTimeout = 60_000;
server.maxRequestsPerSocket = 0;
server.listen(0, "127.0.0.1", () => process.stdout.write(`${server.address().port}\n`));
