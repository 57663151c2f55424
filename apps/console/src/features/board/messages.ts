/** The incident board (事故看板): its messages in Chinese (the default) and English; the compiler checks both have every key. */
export const zh = {} as const;

export const en: Record<keyof typeof zh, string> = {};
