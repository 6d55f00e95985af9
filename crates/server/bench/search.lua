-- wrk script: the search page for words of the synthetic store, in turn (each found in
-- 30%, 10%, 5%, 1% and 0.02% of its documents), plus a filtered search.
--   wrk -t2 -c8 -d20s --latency -s search.lua http://127.0.0.1:8080
local paths = {
  "/?q=gemeente", "/?q=minister", "/?q=woningen", "/?q=brand", "/?q=zeldzaamheid",
  "/?q=woningen&lang=nl&from=2019",
}
local i = 0
function request()
  i = i % #paths + 1
  return wrk.format("GET", paths[i])
end
