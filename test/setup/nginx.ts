import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

/**
 * Debian's nginx on 127.0.0.1 as a load balancer in front of several app servers (the cluster
 * suite and `npm run bench:scale`): round robin, keep-alive to the upstreams, the client address in
 * X-Forwarded-For (the app trusts it from TRUSTED_PROXY=127.0.0.1), and a failed upstream skipped.
 */
export interface RunningNginx {
  url: string;
  stop(): Promise<void>;
}

export function findNginx(): string {
  for (const candidate of [process.env.NGINX_BIN, "/usr/sbin/nginx", "/usr/local/sbin/nginx", "/usr/bin/nginx"])
    if (candidate && fs.existsSync(candidate)) return candidate;
  throw new Error("nginx not found: apt-get install -y nginx (or set NGINX_BIN)");
}

export async function startNginx(options: { port: number; upstreams: number[] }): Promise<RunningNginx> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "painmap-nginx-"));
  const asRoot = process.getuid?.() === 0;
  const conf = `
${asRoot ? "user root;" : ""}
worker_processes 1;
daemon off;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  client_max_body_size 2m;
  upstream painmap {
${options.upstreams.map((p) => `    server 127.0.0.1:${p} max_fails=1 fail_timeout=5s;`).join("\n")}
    keepalive 64;
  }
  server {
    listen 127.0.0.1:${options.port};
    location / {
      proxy_pass http://painmap;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-For $remote_addr;
      proxy_set_header X-Forwarded-Proto $scheme;
      proxy_next_upstream error timeout;
      proxy_connect_timeout 2s;
    }
  }
}
`;
  fs.writeFileSync(path.join(dir, "nginx.conf"), conf);
  const child: ChildProcess = spawn(findNginx(), ["-c", path.join(dir, "nginx.conf"), "-p", dir, "-e", path.join(dir, "error.log")], {
    stdio: ["ignore", "ignore", "pipe"],
  });
  let log = "";
  child.stderr?.on("data", (d) => (log += String(d)));
  const url = `http://127.0.0.1:${options.port}`;
  const deadline = Date.now() + 15_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`nginx exited: ${log} ${fs.readFileSync(path.join(dir, "error.log"), "utf8")}`);
    try {
      await fetch(`${url}/login`);
      break;
    } catch {
      if (Date.now() > deadline) throw new Error(`nginx did not start: ${log}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return {
    url,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once("exit", r));
        child.kill("SIGQUIT");
        await exited;
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
