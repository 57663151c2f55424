import { useEffect, useRef } from 'react';
import type { WarningView } from '@app/warnings/contract';
import { useI18n } from '../../i18n';
import { linkHandler } from '../../router';
import { ErrorMessage } from '../errors/ErrorMessage';
import { applySwatchStyle } from './layers/draw';
import type { LegendClass, MapLayerDefinition, MapLayerId } from './layers/registry';
import { warningText } from './layers/text';
import type { DrillFilter, MapPrefs } from './map-prefs';

/** What the panel knows of each layer's data: how many features, whether it is loading or failed. */
export interface LayerState {
  count?: number;
  loading?: boolean;
  error?: unknown;
}

/**
 * A legend swatch, coloured through the same function as the map's markers (`applySwatchStyle`) from the same style
 * table entry, so what the legend shows is what the map draws.
 */
function Swatch({ layer, cls }: { layer: MapLayerId; cls: LegendClass }) {
  const ref = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    if (ref.current) applySwatchStyle(ref.current, cls.style);
  }, [cls.style]);
  return (
    <span
      ref={ref}
      aria-hidden="true"
      className={`map-legend-swatch map-legend-${cls.style.shape}`}
      data-testid={`legend-${layer}-${cls.code}`}
    />
  );
}

/**
 * The layer panel and legend in one: each layer with its switch, its count and, under it, its classes as drawn. Layers
 * without data yet are listed, switched off, as "暂无数据".
 */
export function LayerPanel({
  layers,
  prefs,
  onChange,
  states,
  warningsWithoutArea,
}: {
  layers: readonly MapLayerDefinition[];
  prefs: MapPrefs;
  onChange: (change: Partial<MapPrefs>) => void;
  states: Partial<Record<MapLayerId, LayerState>>;
  warningsWithoutArea: readonly WarningView[];
}) {
  const { t, lang } = useI18n();
  const toggle = (id: MapLayerId, on: boolean) =>
    onChange({ hidden: on ? prefs.hidden.filter((h) => h !== id) : [...prefs.hidden, id] });
  return (
    <aside className="map-panel" aria-labelledby="map-panel-heading" data-testid="map-layer-panel">
      <h2 id="map-panel-heading">{t('map.layers')}</h2>
      <label className="map-panel-option">
        <input
          type="checkbox"
          checked={prefs.permanentLabels}
          onChange={(e) => onChange({ permanentLabels: e.target.checked })}
          data-testid="map-permanent-labels"
        />
        {t('map.permanentLabels')}
      </label>
      <ul className="map-layers">
        {layers.map((layer) => {
          const state = states[layer.id] ?? {};
          const shown = !layer.pending && !prefs.hidden.includes(layer.id);
          return (
            <li key={layer.id} className="map-layer" data-testid={`map-layer-${layer.id}`} data-shown={shown}>
              <label className="map-layer-head">
                <input
                  type="checkbox"
                  checked={shown}
                  disabled={layer.pending}
                  onChange={(e) => toggle(layer.id, e.target.checked)}
                  data-testid={`map-toggle-${layer.id}`}
                />
                <span className="map-layer-title">{t(layer.title)}</span>
                {layer.pending ? (
                  <span className="muted map-layer-count" data-testid={`map-pending-${layer.id}`}>
                    {t('map.noData')}
                  </span>
                ) : shown && state.loading ? (
                  <span className="muted map-layer-count">{t('map.loading')}</span>
                ) : shown && state.count !== undefined ? (
                  <span className="muted map-layer-count" data-testid={`map-count-${layer.id}`}>
                    {t('map.count', { count: state.count })}
                  </span>
                ) : null}
              </label>
              {layer.id === 'incidents' && shown && (
                <label className="map-panel-option map-drill">
                  {t('map.drillFilter')}
                  <select
                    value={prefs.drill}
                    onChange={(e) => onChange({ drill: e.target.value as DrillFilter })}
                    data-testid="map-drill-filter">
                    <option value="real">{t('map.drill.real')}</option>
                    <option value="drill">{t('map.drill.drill')}</option>
                  </select>
                </label>
              )}
              {shown && state.error !== undefined && state.error !== null && (
                <ErrorMessage error={state.error} testId={`map-error-${layer.id}`} />
              )}
              {layer.classes.length > 0 && (
                <ul className="map-legend" aria-label={t(layer.title)}>
                  {layer.classes.map((cls) => (
                    <li key={cls.code}>
                      <Swatch layer={layer.id} cls={cls} />
                      {cls.name(t, lang)}
                    </li>
                  ))}
                </ul>
              )}
              {layer.id === 'warnings' && shown && warningsWithoutArea.length > 0 && (
                <div className="map-no-polygon" data-testid="map-warnings-without-area">
                  <div className="muted">{t('map.noPolygon')}</div>
                  <ul>
                    {warningsWithoutArea.map((w) => (
                      <li key={w.id}>
                        <a href="/warnings" onClick={linkHandler('/warnings')}>
                          {warningText(w, lang)}
                        </a>
                        {lang === 'en' ? ': ' : '：'}
                        {w.area.description}
                      </li>
                    ))}
                  </ul>
                </div>
              )}
            </li>
          );
        })}
      </ul>
      <p className="muted small">{t('map.note')}</p>
    </aside>
  );
}
