-- One benchmark scenario for wrk, configured by environment variables (bench.py sets them):
--   BENCH_COOKIE   Cookie header of a signed-in browser (SESSION and XSRF-TOKEN), optional
--   BENCH_AUTH     Authorization header (HTTP Basic for the JSON API), optional
--   BENCH_PATHS    file with one path per line; each thread walks its own share of the lines,
--                  so no two requests of a run use the same line until the file is exhausted
--   BENCH_METHOD   GET (default) or POST
--   BENCH_BODY     form body of a POST
--   BENCH_THREADS  wrk's -t, to split the lines between the threads
--   BENCH_ONCE     1: ask for each line once; a thread stops when its share is used up
-- At the end it prints one line "BENCH {json}" with the exact figures (latencies in microseconds).

local threads = {}

function setup(thread)
   thread:set("first", #threads)
   table.insert(threads, thread)
end

local paths
local position
local stride
local method = os.getenv("BENCH_METHOD") or "GET"
local body = os.getenv("BENCH_BODY")
local once = os.getenv("BENCH_ONCE") == "1"
exhausted = false

function init(args)
   local cookie = os.getenv("BENCH_COOKIE")
   if cookie and cookie ~= "" then
      wrk.headers["Cookie"] = cookie
   end
   local authorization = os.getenv("BENCH_AUTH")
   if authorization and authorization ~= "" then
      wrk.headers["Authorization"] = authorization
   end
   if body then
      wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
   end
   local file = os.getenv("BENCH_PATHS")
   if file and file ~= "" then
      paths = {}
      for line in io.lines(file) do
         paths[#paths + 1] = line
      end
   end
   position = first
   stride = tonumber(os.getenv("BENCH_THREADS") or "1")
end

function request()
   local path = wrk.path
   if paths then
      if once and position >= #paths then
         -- Every line of this thread's share has been asked for: stop rather than ask again.
         exhausted = true
         wrk.thread:stop()
         position = position % #paths
      end
      path = paths[(position % #paths) + 1]
      position = position + stride
   end
   return wrk.format(method, path, nil, body)
end

function done(summary, latency, requests)
   local errors = summary.errors
   local stopped_early = false
   for _, thread in ipairs(threads) do
      if thread:get("exhausted") then
         stopped_early = true
      end
   end
   io.write(string.format(
      'BENCH {"requests":%d,"duration_us":%d,"mean_us":%d,"p50_us":%d,"p99_us":%d,"max_us":%d,' ..
      '"status_errors":%d,"socket_errors":%d,"exhausted":%s}\n',
      summary.requests, summary.duration, latency.mean, latency:percentile(50), latency:percentile(99),
      latency.max, errors.status, errors.connect + errors.read + errors.write + errors.timeout,
      tostring(stopped_early)))
end
