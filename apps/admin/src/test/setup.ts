/** Set-up of the admin's component tests (vitest, jsdom): what a browser has and jsdom lacks. */
import { cleanup } from '@testing-library/react';
import { afterEach, vi } from 'vitest';

// Ant Design reads media queries (the menu's breakpoint, responsive grids); jsdom answers none.
window.matchMedia = (query: string): MediaQueryList => ({
  matches: false,
  media: query,
  onchange: null,
  addListener: () => undefined,
  removeListener: () => undefined,
  addEventListener: () => undefined,
  removeEventListener: () => undefined,
  dispatchEvent: () => false,
});

// jsdom computes no pseudo-element styles and says so on every call; Ant Design asks for them.
const computedStyle = window.getComputedStyle.bind(window);
window.getComputedStyle = (element: Element) => computedStyle(element);

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});
