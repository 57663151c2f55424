/** The Statistics screen's own messages, Chinese first; the compiler checks English has every key. */
export const zh = {
  'statistics.title': '统计分析',
} as const;

export const en: Record<keyof typeof zh, string> = {
  'statistics.title': 'Statistics',
};
