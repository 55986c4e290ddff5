-- wrk script: GET /api/v1/people?q=<name with a typo>, rotating through the names in $QUERIES (one per line; a tab
-- and anything after it is ignored), with the bearer token in $TOKEN. Prints p50/p95/p99 at the end.
local names = {}
local index = 0
local token = os.getenv("TOKEN")

local function encode(text)
  return (text:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

function init(args)
  for line in io.lines(os.getenv("QUERIES")) do
    local name = line:match("^([^\t]+)")
    if name then table.insert(names, encode(name)) end
  end
  -- Each thread starts at a different place in the list.
  index = math.random(#names)
end

function request()
  index = index % #names + 1
  return wrk.format("GET", "/api/v1/people?size=20&q=" .. names[index],
    { ["Authorization"] = "Bearer " .. token, ["Accept"] = "application/json" })
end

function done(summary, latency, requests)
  io.write(string.format("RESULT requests=%d seconds=%.1f rps=%.1f p50_ms=%.2f p95_ms=%.2f p99_ms=%.2f max_ms=%.2f non2xx=%d errors=%d\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    summary.errors.status, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
