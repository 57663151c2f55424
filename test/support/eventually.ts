/** Polling for what the system does asynchronously (projections, process managers, pushes): never a fixed sleep. */

/** Waits until `check` holds; fails after `timeoutMs`. */
export async function until(check: () => boolean | Promise<boolean>, timeoutMs = 5000): Promise<void> {
  await eventually(async () => (await check()) || undefined, timeoutMs);
}

/** Waits until `read` yields a value (anything but undefined or false) and returns it; fails after `timeoutMs`. */
export async function eventually<T>(
  read: () => T | undefined | false | Promise<T | undefined | false>,
  timeoutMs = 5000,
): Promise<T> {
  for (const deadline = Date.now() + timeoutMs; ; await new Promise((r) => setTimeout(r, 25))) {
    const value = await read();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
  }
}
