/** The live line: connection, staleness: its messages in Chinese (the default) and English; the compiler checks both have every key. */
export const zh = {
  'live.staleSince': '数据截至 {time}（{ago}）',
  'live.staleReconnecting': '实时连接中断，正在重新连接；以下内容可能已过时。',
  'live.staleCatchingUp': '已重新连接，正在同步中断期间的变化…',
  'live.badgeStale': '数据截至 {time}',
} as const;

export const en: Record<keyof typeof zh, string> = {
  'live.staleSince': 'Data as of {time} ({ago})',
  'live.staleReconnecting': 'The live connection is lost and being restored; what is shown may be out of date.',
  'live.staleCatchingUp': 'Reconnected; catching up on the changes made meanwhile…',
  'live.badgeStale': 'data as of {time}',
};
