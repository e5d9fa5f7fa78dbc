import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { SheetFormat, SheetTable } from './read-sheet';
import { UnreadableSheet } from './unreadable-sheet';

/** The heap a sheet may use while it is read: well above a 100,000-row sheet's needs. */
export const SHEET_THREAD_HEAP_MB = 512;

/**
 * Reads a sheet in a worker thread with a heap of its own. The reader is bounded by limits,
 * but a file built to slip past them (an archive that lies about its sizes, a parser's corner)
 * must cost the thread, never the process: in embedded mode the process is the whole API.
 */
export function readSheetInThread(content: Buffer, format: SheetFormat): Promise<SheetTable> {
  return new Promise((done, fail) => {
    const worker = new Worker(threadSource(), {
      eval: true,
      workerData: { content, format },
      resourceLimits: { maxOldGenerationSizeMb: SHEET_THREAD_HEAP_MB },
    });
    let settled = false;
    const settle = (action: () => void) => {
      if (settled) return;
      settled = true;
      action();
      void worker.terminate();
    };
    worker.once('message', (message: ThreadAnswer) =>
      settle(() => {
        if ('table' in message) done(message.table);
        else if ('unreadable' in message) fail(new UnreadableSheet(message.unreadable));
        else fail(new Error('the sheet reader failed'));
      }),
    );
    worker.once('error', (error: Error & { code?: string }) =>
      settle(() =>
        error.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? fail(
              new UnreadableSheet(
                `reading the file needed more than the ${SHEET_THREAD_HEAP_MB} MB an import ` +
                  'may use; split it into smaller files',
              ),
            )
          : fail(error),
      ),
    );
    worker.once('exit', () => settle(() => fail(new Error('the sheet reader stopped'))));
  });
}

type ThreadAnswer = { table: SheetTable } | { unreadable: string } | { failed: true };

/**
 * The thread's entry. Compiled, it is the .js beside this file; from sources (npm start, jest)
 * it is the .ts file, loaded through the same TypeScript hook the process was started with.
 */
function threadSource(): string {
  const compiled = join(__dirname, 'read-sheet.thread.js');
  if (existsSync(compiled)) return `require(${JSON.stringify(compiled)});`;
  const register = resolve(__dirname, '../../../../tools/register.js');
  const source = join(__dirname, 'read-sheet.thread.ts');
  return `require(${JSON.stringify(register)}); require(${JSON.stringify(source)});`;
}
