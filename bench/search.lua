-- Each connection asks for the search addresses of one language in turn
-- (bench/search.py writes them, one a line, to the file named by SEARCH_PATHS),
-- starting at a different one, so that no answer is asked for twice in a row.
-- The summary is printed by report.lua's done().
local paths = {}
for line in io.lines(os.getenv("SEARCH_PATHS")) do
  paths[#paths + 1] = line
end
local counter = 0

setup = function(thread)
  counter = counter + 1
  thread:set("offset", counter * 7)
end

local index = 0
request = function()
  index = index + 1
  local path = paths[((index + (offset or 0)) % #paths) + 1]
  return wrk.format("GET", path)
end

dofile(os.getenv("REPORT_LUA"))
