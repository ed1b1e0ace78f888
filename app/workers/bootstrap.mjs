// Worker-thread entry: registers tsx in this thread, then loads the TypeScript module named in
// workerData.entry. (Node 20 will not start a worker from a .ts file even with `--import tsx`.)
import { workerData } from "node:worker_threads";
import { register } from "tsx/esm/api";

register();
await import(workerData.entry);
