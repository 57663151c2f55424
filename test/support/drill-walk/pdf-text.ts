import { inflateSync } from 'node:zlib';

/**
 * The text of a PDF as Chromium prints it (page.pdf()): enough of the format to read what a person would read, for
 * tests that check a printed document. Chromium writes plain (not compressed) objects whose streams are
 * Flate-compressed; text is shown with Tj/TJ in hex glyph ids of Type0 fonts (and one-byte codes of the Type3 fonts it
 * makes for synthetic bold), each font with a ToUnicode CMap that maps its codes to Unicode. Anything else (images, outlines) is ignored. Not a general PDF reader.
 */
export function pdfText(pdf: Buffer): string {
  const objects = new Map<string, { dict: string; stream: Buffer | null }>();
  const latin = pdf.toString('latin1');
  const objectPattern = /(\d+) (\d+) obj\b([\s\S]*?)endobj/g;
  for (let m = objectPattern.exec(latin); m; m = objectPattern.exec(latin)) {
    const body = m[3]!;
    const streamAt = body.indexOf('stream');
    if (streamAt < 0) {
      objects.set(m[1]!, { dict: body, stream: null });
      continue;
    }
    const dict = body.slice(0, streamAt);
    let start = streamAt + 'stream'.length;
    if (body[start] === '\r') start++;
    if (body[start] === '\n') start++;
    const end = body.lastIndexOf('endstream');
    const raw = Buffer.from(body.slice(start, end), 'latin1');
    let stream: Buffer = raw;
    if (/\/FlateDecode/.test(dict)) {
      try {
        stream = inflateSync(raw);
      } catch {
        stream = raw;
      }
    }
    objects.set(m[1]!, { dict, stream });
  }

  const ref = (dict: string, key: string): string | undefined => new RegExp(`/${key}\\s+(\\d+) 0 R`).exec(dict)?.[1];
  // Each font: its code width (2 bytes for Type0 fonts; 1 for the Type3 fonts Chromium makes for synthetic bold) and
  // its ToUnicode map.
  const cmaps = new Map<string, { width: number; map: Map<number, string> }>();
  const cmapOf = (fontObject: string): { width: number; map: Map<number, string> } => {
    const cached = cmaps.get(fontObject);
    if (cached) return cached;
    const map = new Map<number, string>();
    const width = /\/Subtype\s*\/Type0/.test(objects.get(fontObject)?.dict ?? '') ? 4 : 2;
    const toUnicode = ref(objects.get(fontObject)?.dict ?? '', 'ToUnicode');
    const text = toUnicode ? (objects.get(toUnicode)?.stream?.toString('latin1') ?? '') : '';
    const hexToString = (hex: string) => {
      let out = '';
      for (let i = 0; i + 4 <= hex.length; i += 4) out += String.fromCharCode(parseInt(hex.slice(i, i + 4), 16));
      return out;
    };
    for (const block of text.matchAll(/beginbfchar([\s\S]*?)endbfchar/g))
      for (const pair of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g))
        map.set(parseInt(pair[1]!, 16), hexToString(pair[2]!));
    for (const block of text.matchAll(/beginbfrange([\s\S]*?)endbfrange/g))
      for (const range of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g)) {
        const from = parseInt(range[1]!, 16);
        const to = parseInt(range[2]!, 16);
        const first = parseInt(range[3]!, 16);
        for (let code = from; code <= to; code++) map.set(code, String.fromCodePoint(first + code - from));
      }
    cmaps.set(fontObject, { width, map });
    return { width, map };
  };

  const pages: string[] = [];
  for (const { dict } of objects.values()) {
    if (!/\/Type\s*\/Page\b/.test(dict)) continue;
    // The page's fonts by resource name (/F4 → its object), from its Resources, inline or referenced.
    const resourcesRef = ref(dict, 'Resources');
    const resources = resourcesRef ? (objects.get(resourcesRef)?.dict ?? '') : dict;
    const fontDictRef = ref(resources, 'Font');
    const fontDict = fontDictRef
      ? (objects.get(fontDictRef)?.dict ?? '')
      : (/\/Font\s*<<([\s\S]*?)>>/.exec(resources)?.[1] ?? '');
    const fonts = new Map([...fontDict.matchAll(/\/([\w.+-]+)\s+(\d+) 0 R/g)].map((f) => [f[1]!, f[2]!]));
    const contentRefs = /\/Contents\s*\[([^\]]*)\]/.exec(dict)?.[1]?.match(/\d+(?= 0 R)/g) ?? [ref(dict, 'Contents')];
    let text = '';
    for (const c of contentRefs) {
      const content = c ? (objects.get(c)?.stream?.toString('latin1') ?? '') : '';
      let font = { width: 4, map: new Map<number, string>() };
      const ops = /\/([\w.+-]+)\s+[\d.]+\s+Tf|<([0-9a-fA-F]*)>|\b(Tj|TJ|ET)\b/g;
      for (let op = ops.exec(content); op; op = ops.exec(content)) {
        if (op[1]) font = cmapOf(fonts.get(op[1]) ?? '');
        else if (op[2] !== undefined)
          for (let i = 0; i + font.width <= op[2].length; i += font.width)
            text += font.map.get(parseInt(op[2].slice(i, i + font.width), 16)) ?? '';
        else if (op[3] === 'ET') text += '\n';
      }
    }
    pages.push(text);
  }
  return pages.join('\n');
}
