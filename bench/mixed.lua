-- The mixed readers (bench/mixed.py): each wrk thread holds one connection and
-- walks the address list (lines "kind<TAB>language<TAB>path") from its own
-- starting point, timing every request and filing it under its kind.
-- Arguments after "--": the list's file and the number of threads.
-- With one connection per thread a response always answers the thread's last
-- request, so the time between the two is that request's latency; bench/mixed.py
-- sums the answers per kind (time-outs, errors, percentiles).
local ffi = require("ffi")
ffi.cdef [[
typedef struct { long tv_sec; long tv_nsec; } mixed_timespec;
int clock_gettime(int clock, mixed_timespec *now);
]]
local clock = ffi.new("mixed_timespec")
local CLOCK_MONOTONIC = 1

local function now_us()
  ffi.C.clock_gettime(CLOCK_MONOTONIC, clock)
  return tonumber(clock.tv_sec) * 1000000 + math.floor(tonumber(clock.tv_nsec) / 1000)
end

local threads = {}

function setup(thread)
  table.insert(threads, thread)
  thread:set("id", #threads)
end

function init(args)
  kinds, paths = {}, {}
  for line in io.lines(args[1]) do
    local kind, path = line:match("^([^\t]+)\t[^\t]*\t(.+)$")
    if kind then
      table.insert(kinds, kind)
      table.insert(paths, path)
    end
  end
  start = math.floor((id - 1) * #paths / tonumber(args[2]))
  position = start
  sent = 0
  -- One string per answer, "kind status microseconds hit": wrk copies a
  -- thread's flat table of strings to done() (it cannot copy nested ones).
  answers = {}
  asked = {}
  current, started = nil, nil
end

function request()
  local index = position % #paths + 1
  position = position + 1
  sent = sent + 1
  current = kinds[index]
  asked[current] = (asked[current] or 0) + 1
  started = now_us()
  return wrk.format("GET", paths[index])
end

function response(status, headers, body)
  if current == nil then
    return
  end
  local hit = headers["X-Page-Cache"] == "hit" or headers["x-page-cache"] == "hit"
  table.insert(answers, string.format(
    "%s %d %d %d", current, status, now_us() - started, hit and 1 or 0))
  current = nil
end

function done(summary, latency, requests)
  local walked, records, sent_by_kind = {}, {}, {}
  for _, thread in ipairs(threads) do
    table.insert(walked, string.format(
      '{"start": %d, "sent": %d}', thread:get("start"), thread:get("sent")))
    for kind, n in pairs(thread:get("asked")) do
      sent_by_kind[kind] = (sent_by_kind[kind] or 0) + n
    end
    for _, answer in ipairs(thread:get("answers")) do
      table.insert(records, '"' .. answer .. '"')
    end
  end
  local sent = {}
  for kind, n in pairs(sent_by_kind) do
    table.insert(sent, string.format('"%s": %d', kind, n))
  end
  local errors = summary.errors
  io.write(string.format(
    '{"requests": %d, "duration_us": %d, "bytes": %d, ' ..
    '"errors": {"connect": %d, "read": %d, "write": %d, "status": %d, "timeout": %d}, ' ..
    '"threads": [%s], "sent": {%s}, "answers": [%s]}\n',
    summary.requests, summary.duration, summary.bytes,
    errors.connect, errors.read, errors.write, errors.status, errors.timeout,
    table.concat(walked, ", "), table.concat(sent, ", "), table.concat(records, ",")))
end
