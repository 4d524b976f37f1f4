/** Light or dark; absent from storage means "follow the system" (prefers-color-scheme). */
export type Theme = 'light' | 'dark';

const storageKey = 'rework-radar.theme';

export function storedTheme(): Theme | null {
  const value = window.localStorage.getItem(storageKey);
  return value === 'light' || value === 'dark' ? value : null;
}

export function systemTheme(): Theme {
  // Older engines (and jsdom) have no matchMedia: light is the safe default there.
  if (typeof window.matchMedia !== 'function') return 'light';
  return window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

/** Applies a theme to the document (the CSS reads `data-theme`); null follows the system. */
export function applyTheme(theme: Theme | null): void {
  if (theme === null) {
    window.localStorage.removeItem(storageKey);
    delete document.documentElement.dataset.theme;
  } else {
    window.localStorage.setItem(storageKey, theme);
    document.documentElement.dataset.theme = theme;
  }
}
