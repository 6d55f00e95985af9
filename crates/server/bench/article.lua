-- wrk script: article pages of random documents (ids 1..N, N from the first argument,
-- default 100000), so the benchmark does not read one cached page.
--   wrk -t2 -c8 -d20s --latency -s article.lua http://127.0.0.1:8080 -- 100000
local documents = 100000
function init(args)
  documents = tonumber(args[1]) or documents
  math.randomseed(os.time() + math.floor(os.clock() * 1e6))
end
function request()
  return wrk.format("GET", "/doc/" .. math.random(1, documents))
end
