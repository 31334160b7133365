-- wrk script: POST /api/v1/purchases with a fresh receipt number per request, a random enrolled card,
-- the cashier's bearer token; counts answers by status. Driven by LoadClient.java --client wrk:
--   wrk -t2 -cN -dS --timeout 10s -s purchase.lua URL -- SETUP_FILE TAG
-- SETUP_FILE: line 1 bearer token, line 2 store code, line 3 currency, then one card code per line.
-- TAG makes the receipt numbers of this run unique (each wrk run passes its own).
local threads = {}
local counter = 0

function setup(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  local lines = {}
  for line in io.lines(args[1]) do
    table.insert(lines, line)
  end
  token, store, currency = lines[1], lines[2], lines[3]
  cards = {}
  for i = 4, #lines do
    cards[#cards + 1] = lines[i]
  end
  tag = args[2]
  ok, failed, statuses = 0, 0, {}
  math.randomseed(os.time() * 1000 + id)
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
  wrk.headers["Authorization"] = "Bearer " .. token
end

function request()
  counter = counter + 1
  local receipt = tag .. "-" .. id .. "-" .. counter
  local body = string.format(
    '{"cardCode":"%s","storeCode":"%s","receiptNo":"%s","amountMinor":%d,"currency":"%s","items":[]}',
    cards[math.random(#cards)], store, receipt, math.random(100, 20000), currency)
  return wrk.format(nil, "/api/v1/purchases", nil, body)
end

function response(status, headers, body)
  if status >= 200 and status < 300 then
    ok = ok + 1
  else
    failed = failed + 1
    statuses[status] = (statuses[status] or 0) + 1
  end
end

function done(summary, latency, requests)
  local total_ok, total_failed, by_status = 0, 0, {}
  for _, thread in ipairs(threads) do
    total_ok = total_ok + thread:get("ok")
    total_failed = total_failed + thread:get("failed")
    for status, n in pairs(thread:get("statuses")) do
      by_status[status] = (by_status[status] or 0) + n
    end
  end
  local errors = summary.errors
  local socket_errors = errors.connect + errors.read + errors.write + errors.timeout
  local listed = {}
  for status, n in pairs(by_status) do
    listed[#listed + 1] = status .. ":" .. n
  end
  io.write(string.format(
    "WRK ok=%d failed=%d socket_errors=%d timeouts=%d duration_us=%d p50_us=%d p90_us=%d p99_us=%d max_us=%d mean_us=%.1f statuses=%s\n",
    total_ok, total_failed, socket_errors, errors.timeout, summary.duration,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max, latency.mean,
    (#listed > 0) and table.concat(listed, ",") or "-"))
end
