import { parentPort, workerData } from 'node:worker_threads';
import { readSheet, SheetFormat } from './read-sheet';
import { UnreadableSheet } from './unreadable-sheet';

/** The body of the thread `readSheetInThread` starts: reads one sheet and posts the table back. */
const { content, format } = workerData as { content: Uint8Array; format: SheetFormat };
readSheet(Buffer.from(content), format).then(
  (table) => parentPort?.postMessage({ table }),
  (error: unknown) =>
    parentPort?.postMessage(
      error instanceof UnreadableSheet ? { unreadable: error.reason } : { failed: true },
    ),
);
