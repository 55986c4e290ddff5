-- wrk script: POST /api/v1/people/lookup {"nik": "..."} (a NIK never goes into a URL), rotating through the NIKs in
-- $QUERIES (one per line), with the bearer token in $TOKEN. Prints p50/p95/p99 at the end.
local bodies = {}
local index = 0
local token = os.getenv("TOKEN")
local field = os.getenv("FIELD") or "nik"

function init(args)
  for line in io.lines(os.getenv("QUERIES")) do
    if #line > 0 then table.insert(bodies, string.format('{"%s":"%s"}', field, line)) end
  end
  index = math.random(#bodies)
end

function request()
  index = index % #bodies + 1
  return wrk.format("POST", "/api/v1/people/lookup",
    { ["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json", ["Accept"] = "application/json" },
    bodies[index])
end

function done(summary, latency, requests)
  io.write(string.format("RESULT requests=%d seconds=%.1f rps=%.1f p50_ms=%.2f p95_ms=%.2f p99_ms=%.2f max_ms=%.2f non2xx=%d errors=%d\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    summary.errors.status, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
