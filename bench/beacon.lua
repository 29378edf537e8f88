-- wrk script: view beacons as many distinct readers send them (random article, random User-Agent).
-- Each wrk thread seeds its own generator, or the threads would send the very same readers.
local max_id = tonumber(os.getenv("BEACON_MAX_ID") or "60")
dofile("bench/wrk-seeds.lua")
request = function()
  local headers = {
    ["Content-Type"] = "application/x-www-form-urlencoded;charset=UTF-8",
    ["User-Agent"] = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0." .. math.random(1, 1000000000) .. " Safari/537.36",
  }
  return wrk.format("POST", nil, headers, "id=" .. math.random(1, max_id))
end
