-- wrk script: cycles through a mix of rare, common and phrase queries
-- (our own words, matching the bench generator's vocabulary and the
-- example corpus), each URL-encoded, against /search or /api/v1/search.
local queries = {
  "harbour", "council budget", "\"said on Monday\"", "Drummond", "strike OR ruling",
  "ferry -bridge", "\"harbour budget\"", "quake rescue", "tunnel", "Arkwright appeal",
  "minister", "\"court ruling\"", "Kessel", "library", "outlet:harbourgazette.example Drummond",
  "election", "\"the union said\"", "hospital school", "Varga", "police river",
}
-- QUERIES names a file of queries, one a line (scripts/search_queries.py
-- draws them from the database); without it the list above is used.
local file = os.getenv("QUERIES")
if file then
  local f = io.open(file, "r")
  if f then
    local read = {}
    for line in f:lines() do
      if #line > 0 then table.insert(read, line) end
    end
    f:close()
    if #read > 0 then queries = read end
  end
end
local base = os.getenv("SEARCH_PATH") or "/search?q="
local function encode(s)
  return (s:gsub("[^%w%-_%.~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", base .. encode(queries[(i % #queries) + 1]))
end
