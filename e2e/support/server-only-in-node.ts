import Module from "node:module";
import path from "node:path";

// Tests import lib/ modules (the database, campaign helpers) that are marked `import "server-only"`. Next's server
// and our scripts run with Node's `react-server` condition, where that import is empty; Playwright's own
// processes can't be given a condition, so resolve it to the same empty module here (vitest does this with an
// alias in vitest.config.ts).
const emptyModule = path.join(path.dirname(require.resolve("server-only")), "empty.js");
const moduleWithResolver = Module as unknown as { _resolveFilename: (request: string, ...rest: unknown[]) => string };
const resolveFilename = moduleWithResolver._resolveFilename;
moduleWithResolver._resolveFilename = function (request, ...rest) {
  return request === "server-only" ? emptyModule : resolveFilename.call(this, request, ...rest);
};
