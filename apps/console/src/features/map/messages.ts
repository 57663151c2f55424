/** The situation map's own messages, Chinese first; the compiler checks English has every key. */
export const zh = {
  'map.schematic': '示意',
  'map.outlineError': '辖区轮廓未能加载，地图上仅显示标记',
} as const;

export const en: Record<keyof typeof zh, string> = {
  'map.schematic': 'schematic',
  'map.outlineError': 'The jurisdiction outlines could not be loaded; the map shows the markers only',
};
