/**
 * Runs tasks one at a time per key (a stream name), in arrival order. Within one process this turns a burst of
 * commands on one hot aggregate (200 commanders allocating from one warehouse) into a queue instead of a storm of
 * optimistic-concurrency retries that would exhaust their attempts; across processes the expected revision still
 * decides.
 */
export class KeyedMutex {
  private readonly tails = new Map<string, Promise<unknown>>();

  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const result = previous.then(task, task);
    const tail = result.then(
      () => undefined,
      () => undefined,
    );
    this.tails.set(key, tail);
    // Forget the key once nothing is queued behind this task, so the map does not grow with every stream ever used.
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return result;
  }

  get size(): number {
    return this.tails.size;
  }
}
