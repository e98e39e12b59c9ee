/**
 * Runs async tasks one after another, so two tabs asking at the same moment can't both read
 * the same stored state and both spend from it (an extension, a nudge slot).
 */
export function createSerialQueue() {
  let queue: Promise<unknown> = Promise.resolve();
  return <T>(task: () => Promise<T>): Promise<T> => {
    const next = queue.then(task, task);
    queue = next.catch(() => undefined);
    return next;
  };
}
