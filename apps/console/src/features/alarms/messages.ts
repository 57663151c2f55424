/** The alarm centre (告警中心): its messages in Chinese (the default) and English; the compiler checks both have every key. */
export const zh = {} as const;

export const en: Record<keyof typeof zh, string> = {};
