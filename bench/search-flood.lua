-- wrk script: searches from many addresses at once (a botnet behind a trusted proxy: a random X-Forwarded-For each),
-- a mix of common words, phrases and prefixes from the demo content, with a browser's User-Agent.
local words = {"council", "harbour", "flood defence", "election", "storm", "budget", "festival", "record", "harb*", "\"night bus\"", "murals", "comet"}
dofile("bench/wrk-seeds.lua")
request = function()
  local q = words[math.random(1, #words)]:gsub(" ", "+"):gsub("\"", "%%22"):gsub("%*", "%%2A")
  local headers = {
    ["X-Forwarded-For"] = math.random(1, 223) .. "." .. math.random(0, 255) .. "." .. math.random(0, 255) .. "." .. math.random(1, 254),
    ["User-Agent"] = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0 Safari/537.36",
  }
  return wrk.format("GET", "/search?q=" .. q, headers)
end
