/** The Early warnings screen's own messages, Chinese first; the compiler checks English has every key. */
export const zh = {
  'warnings.title': '预警发布',
} as const;

export const en: Record<keyof typeof zh, string> = {
  'warnings.title': 'Early warnings',
};
