import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

// Testing Library unmounts after each test only when the runner exposes globals; this runner does not.
afterEach(() => {
  cleanup();
  localStorage.clear();
});
