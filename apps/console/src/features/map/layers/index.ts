/**
 * The situation map's layers for any map of the console: the style tables (one colour per class, shared with the
 * legend), the drawing functions and the label texts. Import from here rather than from the files themselves.
 */
export * from './styles';
export * from './text';
export * from './draw';
export * from './registry';
