-- Shared by the wrk scripts (dofile from the repository root): each wrk thread seeds its own generator,
-- or the threads would send the very same requests.
local counter = 1
function setup(thread)
  thread:set("seed", counter)
  counter = counter + 1
end
function init(args)
  math.randomseed(os.time() * 100 + (seed or 0))
end
