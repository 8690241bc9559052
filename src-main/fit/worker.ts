/** A fit worker thread: loads the templates once, then fits the files the pool sends. */
import { parentPort, workerData } from 'node:worker_threads';
import { fitFile } from './fitFile';
import { loadTemplates } from './templates';

const lib = loadTemplates((workerData as { templates: string }).templates);
parentPort!.on('message', (msg: { id: number; file: string }) => {
  void fitFile(msg.file, lib).then((row) => parentPort!.postMessage({ id: msg.id, row }));
});
parentPort!.postMessage({ ready: true });
