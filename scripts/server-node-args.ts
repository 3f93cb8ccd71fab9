/**
 * How every server-side Node process of ours is started (the launcher, the worker, benches and tests that spawn
 * them). `--conditions=react-server` makes `import "server-only"` a no-op in these processes, as it is in Next's
 * server bundles; in a client bundle the same import fails the build, which keeps database and secret modules
 * out of the browser. package.json's scripts spell out the same flags.
 */
export const SERVER_NODE_ARGS = ["--conditions=react-server", "--import", "tsx"];
