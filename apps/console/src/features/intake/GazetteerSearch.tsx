import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { GazetteerEntryView, GazetteerKind } from '@app/incidents/contract';
import { get } from '../../api';
import { useI18n, type MessageKey } from '../../i18n';
import { useDebounced } from './use-debounced';

const KINDS: GazetteerKind[] = ['town', 'subdistrict', 'park', 'enterprise', 'place'];

/**
 * Search of the jurisdiction's gazetteer (乡镇/街道、园区、企业): the server scopes it to the officer's jurisdictions;
 * choosing an entry hands it to the form, which fills the place, position and jurisdiction from it.
 */
export function GazetteerSearch({ onPick }: { onPick: (entry: GazetteerEntryView) => void }) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const [kind, setKind] = useState<GazetteerKind | ''>('');
  const [open, setOpen] = useState(false);
  const q = useDebounced(text.trim(), 250);
  const search = useQuery({
    queryKey: ['intake', 'gazetteer', q, kind],
    queryFn: () => {
      const params = new URLSearchParams({ q, limit: '10' });
      if (kind) params.set('kind', kind);
      return get<GazetteerEntryView[]>(`/gazetteer?${params.toString()}`);
    },
    enabled: open && q.length > 0,
    // Reference data: the same search within a shift gives the same places.
    staleTime: 10 * 60_000,
  });

  return (
    <div className="field intake-place-search">
      <label htmlFor="intake-place-search">{t('intake.place.searchLabel')}</label>
      <div className="row">
        <input
          id="intake-place-search"
          data-testid="intake-place-search"
          type="search"
          autoComplete="off"
          maxLength={50}
          value={text}
          placeholder={t('intake.place.searchPlaceholder')}
          onChange={(e) => {
            setText(e.target.value);
            setOpen(true);
          }}
          // Back in the box after a pick: the same search shows its places again.
          onFocus={() => setOpen(true)}
          onKeyDown={(e) => {
            // Enter picks the first place instead of submitting the whole report.
            if (e.key !== 'Enter') return;
            e.preventDefault();
            const first = search.data?.[0];
            if (first) {
              onPick(first);
              setOpen(false);
            }
          }}
        />
        <select
          aria-label={t('intake.place.kindAll')}
          data-testid="intake-place-kind"
          value={kind}
          onChange={(e) => setKind(e.target.value as GazetteerKind | '')}>
          <option value="">{t('intake.place.kindAll')}</option>
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`intake.place.kind.${k}` as MessageKey)}
            </option>
          ))}
        </select>
      </div>
      {open && q.length > 0 && (
        <div aria-live="polite">
          {search.isPending && search.fetchStatus === 'fetching' && (
            <p className="muted small">{t('intake.place.searching')}</p>
          )}
          {search.isError && (
            <p className="notice" data-testid="intake-place-failed">
              {t('intake.place.failed')}
            </p>
          )}
          {search.data && search.data.length === 0 && (
            <p className="muted small" data-testid="intake-place-none">
              {t('intake.place.none')}
            </p>
          )}
          {search.data && search.data.length > 0 && (
            <ul className="intake-place-results" data-testid="intake-place-results">
              {search.data.map((entry) => (
                <li key={entry.id}>
                  <button
                    type="button"
                    data-testid="intake-place-option"
                    data-entry-id={entry.id}
                    onClick={() => {
                      onPick(entry);
                      setOpen(false);
                    }}>
                    <strong>{entry.name}</strong>{' '}
                    <span className="muted small">
                      {t(`intake.place.kind.${entry.kind}` as MessageKey)} · {entry.jurisdictionName} · {entry.address}
                      {entry.approximate ? ` · ${t('intake.place.approximate')}` : ''}
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
