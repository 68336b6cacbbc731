/**
 * A worker thread of `check --concurrency`: it reads, parses and checks the session files the main thread sends it,
 * one at a time, exactly as the serial check does (checkFiles), and sends each checked file back (file-transfer.ts).
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { Config } from '../check/index.js';
import { checkFiles } from './check-files.js';
import { toTransfer } from './file-transfer.js';

export interface WorkerSetup {
  cwd: string;
  config?: Config;
}

export interface WorkerRequest {
  index: number;
  path: string;
}

const setup = workerData as WorkerSetup;
const port = parentPort!;

port.on('message', (request: WorkerRequest) => {
  void checkFiles([request.path], { cwd: setup.cwd, ...(setup.config ? { config: setup.config } : {}) }).then(
    ([file]) => port.postMessage({ index: request.index, file: toTransfer(file!) }),
    (error: unknown) => port.postMessage({ index: request.index, error: String(error) }),
  );
});
