import type { TestProject } from "vitest/node";
import { startPostgres, type RunningPostgres } from "./postgres.js";

declare module "vitest" {
  export interface ProvidedContext {
    postgresUrl: string;
  }
}

let server: RunningPostgres | undefined;

/** One PostgreSQL server for the whole run; each test file makes its own database in it. */
export default async function setup(project: TestProject) {
  server = await startPostgres();
  project.provide("postgresUrl", server.url);
  return async () => {
    await server?.stop();
  };
}
