/** The Reporting compliance screen's own messages, Chinese first; the compiler checks English has every key. */
export const zh = {
  'compliance.title': '报告时效',
} as const;

export const en: Record<keyof typeof zh, string> = {
  'compliance.title': 'Reporting compliance',
};
