import { QueryClient } from '@tanstack/react-query';

/**
 * Server state lives in one TanStack Query cache per signed-in session (a sign-out drops it with the session).
 * Live deltas keep the cached lists current, so a query is not refetched on focus or on a timer; a reconnect
 * invalidates everything instead (the store's refetch after `resume`).
 */
export function createConsoleQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: Infinity,
        refetchOnWindowFocus: false,
        // Retries of reads are cheap and safe; commands have their own retry rules (command-retry.ts).
        retry: 2,
      },
      mutations: { retry: false },
    },
  });
}
