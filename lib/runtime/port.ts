import net from "node:net";
import { StartupError } from "./startup-error";

/** Fails early, before a long build, when something already listens on the app's port. */
export async function assertPortFree(port: number, host: string): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", (err: NodeJS.ErrnoException) => {
      if (err.code === "EADDRINUSE") {
        reject(
          new StartupError(
            `Port ${port} is already in use (another program, or Cafe de Revenue already running).`,
            "Stop the other program, or set PORT to a free port, e.g. PORT=3001 npm start.",
          ),
        );
      } else if (err.code === "EACCES") {
        reject(new StartupError(`Not allowed to listen on port ${port}.`, "Set PORT to a number above 1024."));
      } else reject(err);
    });
    probe.listen(port, host, () => probe.close(() => resolve()));
  });
}
