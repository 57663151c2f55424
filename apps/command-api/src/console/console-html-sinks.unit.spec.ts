import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

/**
 * The console this server ships must put user text on screen as text. React does that by itself; these are the
 * ways around it — HTML sinks of the DOM, React's escape hatch, Leaflet methods that parse a string as HTML, and
 * links whose target is not a path of the console's own. The browser test proves the screens as they are today;
 * this check keeps a new screen from reopening the hole without anyone noticing.
 */
const CONSOLE_SRC = resolve(__dirname, '../../../console/src');

const SINKS: { name: string; pattern: RegExp }[] = [
  { name: 'dangerouslySetInnerHTML', pattern: /dangerouslySetInnerHTML/ },
  { name: 'assignment to innerHTML/outerHTML', pattern: /\.(innerHTML|outerHTML)\s*\+?=(?!=)/ },
  {
    name: 'insertAdjacentHTML / document.write / setHTML / createContextualFragment',
    pattern: /\b(insertAdjacentHTML|document\.write(ln)?|setHTML|createContextualFragment)\s*\(/,
  },
  {
    name: 'Leaflet content given as a string (parsed as HTML)',
    pattern: /\.(bindTooltip|bindPopup|setContent|setTooltipContent|setPopupContent|openTooltip|openPopup)\(\s*[`'"]/,
  },
  { name: 'Leaflet divIcon html', pattern: /divIcon\(\s*\{[^}]*\bhtml\s*:/ },
  {
    name: 'a link target that is not a literal console path',
    pattern: /\bhref=\{(?!\s*`\/[^`$]*(\$\{[^}]*\}[^`$]*)*`|\s*n\.path\s*\})/,
  },
  {
    name: 'eval / new Function / string timers',
    pattern: /\beval\s*\(|new Function\s*\(|set(Timeout|Interval)\(\s*[`'"]/,
  },
];

function htmlSinks(source: string): string[] {
  return SINKS.filter((sink) => sink.pattern.test(source)).map((sink) => sink.name);
}

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.(ts|tsx)$/.test(entry.name) ? [path] : [];
  });
}

describe('the console puts user text on screen only as text', () => {
  it('has no HTML sinks, string content for Leaflet, or links built from data', () => {
    const files = sources(CONSOLE_SRC);
    expect(files.length).toBeGreaterThan(10);
    const found = files.flatMap((file) =>
      htmlSinks(readFileSync(file, 'utf8')).map((sink) => `${relative(CONSOLE_SRC, file)}: ${sink}`),
    );
    expect(found).toEqual([]);
  });

  it('would notice each of them', () => {
    expect(htmlSinks('<div dangerouslySetInnerHTML={{ __html: x }} />')).toEqual(['dangerouslySetInnerHTML']);
    expect(htmlSinks('el.innerHTML = name;')).toEqual(['assignment to innerHTML/outerHTML']);
    expect(htmlSinks('const safe = label.innerHTML;')).toEqual([]);
    expect(htmlSinks('marker.bindTooltip(`事故：${i.title}`)')).toEqual([
      'Leaflet content given as a string (parsed as HTML)',
    ]);
    expect(htmlSinks('marker.bindTooltip(textLabel(title))')).toEqual([]);
    expect(htmlSinks("L.divIcon({ className: 'x', html: title })")).toEqual(['Leaflet divIcon html']);
    expect(htmlSinks('<a href={incident.website}>')).toEqual(['a link target that is not a literal console path']);
    expect(htmlSinks('<a href={`/incidents/${a.incidentId}`}>')).toEqual([]);
    expect(htmlSinks('<a href="/board">')).toEqual([]);
    expect(htmlSinks("setTimeout('go()', 10)")).toEqual(['eval / new Function / string timers']);
  });
});
