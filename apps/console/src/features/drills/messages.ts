/** The Drills screen's own messages, Chinese first; the compiler checks English has every key. */
export const zh = {
  'drills.title': '应急演练',
} as const;

export const en: Record<keyof typeof zh, string> = {
  'drills.title': 'Drills',
};
