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
// GET .../workspaces: 10,000 workspaces, paged the way the ModelArts spec's
// x-paging reads the offset (BENCH_PAGING=records|pages), answers prepared once.
const TOTAL = 10_000;
const pagingStyle = process.env.BENCH_PAGING === "records" ? "records" : "pages";
const listAnswers = new Map();
function listAnswer(offset, limit) {
  const key = `${offset}/${limit}`;
  let answer = listAnswers.get(key);
  if (!answer) {
    const start = pagingStyle === "pages" ? offset * limit : offset;
    const workspaces = [];
    for (let i = start; i < Math.min(start + limit, TOTAL); i++) {
      workspaces.push({ id: i.toString(16).padStart(32, "0"), name: `ws-${i}`, owner: "bench", status: "NORMAL", auth_type: "PUBLIC", create_time: 1470000020000 + i });
    }
    const text = JSON.stringify({ total_count: TOTAL, count: workspaces.length, workspaces });
    answer = { text, headers: { "content-type": "application/json", "content-length": Buffer.byteLength(text) } };
    listAnswers.set(key, answer);
  }
  return answer;
}

const server = http.createServer((req, res) => {
  if (req.method === "GET" && req.url.includes("/workspaces?")) {
    const query = new URL(req.url, "http://bench").searchParams;
    const { text, headers: listHeaders } = listAnswer(Number(query.get("offset") ?? 0), Number(query.get("limit") ?? 1000));
    res.writeHead(200, listHeaders);
    res.end(text);
    return;
  }
  req.resume();
  req.on("end", () => {
    res.writeHead(200, headers);
    res.end(body);
  });
});
server.keepAliveTimeout = 60_000;
server.maxRequestsPerSocket = 0;
server.listen(0, "127.0.0.1", () => process.stdout.write(`${server.address().port}\n`));
