// Child of e2e/support/postgres-process.ts: `node --conditions=react-server --import tsx e2e/support/run-postgres.ts <dataDir> <port> <password>`.
import { startEmbeddedPostgres } from "@/lib/runtime/embedded-postgres";

async function main() {
  const [dataDir, port, password] = process.argv.slice(2);
  const server = await startEmbeddedPostgres({ dataDir: dataDir!, port: Number(port), password: password! });
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await server.stop();
    process.exit(0);
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
  console.log(`POSTGRES_URL=${server.url}`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
