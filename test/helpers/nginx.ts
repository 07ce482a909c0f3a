import { execFileSync, spawn } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { PROJECT_ROOT } from "./site.ts";

/**
 * Debian's nginx, run by a test as a partnership or a region would run it: one `server` (an origin of its own, on
 * 127.0.0.1) for each folder, each holding the location block the project ships (deploy/nginx/learning-reviews.conf)
 * with its path (`/review/` as shipped, or `/`) and its folder put in, as docs/deploying.md says to; workers as www-data.
 */
export interface NginxSite {
  /** The published folder (a `_site` link is followed, as on a real host); it may be built after nginx starts. */
  folder: string;
  /** The path the site is served under: `/review/` as the shipped file has it, or `/`. */
  prefix: string;
}

export interface Nginx {
  /** Each site's origin (`http://127.0.0.1:<port>`), in the order given. */
  origins: string[];
  close(): Promise<void>;
}

/** The ports, each free when asked (nginx takes them at once). */
async function freePorts(count: number): Promise<number[]> {
  const ports: number[] = [];
  while (ports.length < count) {
    const port = await new Promise<number>((resolve) => {
      const server = createServer();
      server.listen(0, "127.0.0.1", () => {
        const { port: got } = server.address() as { port: number };
        server.close(() => resolve(got));
      });
    });
    if (!ports.includes(port)) ports.push(port);
  }
  return ports;
}

export function nginxBinary(): string {
  const binary = ["/usr/sbin/nginx", "nginx"].find((candidate) => {
    try {
      execFileSync(candidate, ["-v"], { stdio: "ignore" });
      return true;
    } catch {
      return false;
    }
  });
  if (!binary) throw new Error("nginx is not installed: run `bash scripts/ensure-test-tools.sh` (npm test does) or `sudo apt-get install -y nginx`.");
  return binary;
}

/** The shipped location block for `site`: its path and folder put in where the file says to change them. */
export function shippedLocation(site: NginxSite): string {
  const conf = readFileSync(path.join(PROJECT_ROOT, "deploy", "nginx", "learning-reviews.conf"), "utf8");
  return conf.replaceAll("/review/", site.prefix).replace("/var/www/reviews/", `${site.folder.replace(/\/?$/, "/")}`);
}

/** Every folder from `folder` up to the system's temporary folder readable by www-data (a mkdtemp folder is 0700). */
function readableByWorkers(folder: string): void {
  const top = realpathSync(tmpdir());
  for (let dir = path.resolve(folder); dir.startsWith(`${top}${path.sep}`); dir = path.dirname(dir)) chmodSync(dir, 0o755);
}

/** Start nginx serving `sites`, each on a port of its own; resolves once every site answers. */
export async function serveWithNginx(sites: NginxSite[]): Promise<Nginx> {
  const work = mkdtempSync(path.join(tmpdir(), "lr-nginx-"));
  const ports = await freePorts(sites.length);
  for (const site of sites) readableByWorkers(path.dirname(site.folder));
  const temps = ["client_body", "proxy", "fastcgi", "uwsgi", "scgi"];
  for (const dir of temps) mkdirSync(path.join(work, dir));
  const servers = sites.map((site, i) => `  server {\n    listen 127.0.0.1:${ports[i]};\n${shippedLocation(site)}\n  }\n`);
  writeFileSync(
    path.join(work, "nginx.conf"),
    `user www-data;\nworker_processes 1;\ndaemon off;\npid ${work}/nginx.pid;\nerror_log ${work}/error.log;\nevents {}\nhttp {\n  include /etc/nginx/mime.types;\n  access_log off;\n` +
      temps.map((name) => `  ${name}_temp_path ${work}/${name};\n`).join("") +
      servers.join("") +
      "}\n",
  );
  const child = spawn(nginxBinary(), ["-c", path.join(work, "nginx.conf")], { stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const close = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGQUIT");
      await exited;
    }
    rmSync(work, { recursive: true, force: true });
  };
  const origins = ports.map((port) => `http://127.0.0.1:${port}`);
  try {
    for (const origin of origins)
      await answering(
        origin,
        () => child.exitCode !== null,
        () => stderr,
      );
  } catch (error) {
    await close();
    throw error;
  }
  return { origins, close };
}

/** Resolves once `origin` answers at all (any status), or throws if nginx has ended or not answered in 10 s. */
async function answering(origin: string, ended: () => boolean, stderr: () => string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (ended()) throw new Error(`nginx ended before serving ${origin}:\n${stderr()}`);
    try {
      await (await fetch(`${origin}/`)).arrayBuffer();
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  throw new Error(`nginx did not answer at ${origin} in 10 s:\n${stderr()}`);
}
