import { screen, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import type { TeamView } from '@app/teams/contract';
import { translator } from '../../i18n';
import { StoreContext, type StoreValue } from '../../store';
import { initialState } from '../../store-reducer';
import { answerFetch, renderInConsole } from '../../test-support/render';
import { MapScreen, outlineText, teamText } from './MapScreen';

const team = { name: '中卫市危化救援队', status: 'en_route', statusLabel: '途中' } as TeamView;

function withStore(children: ReactNode, state: Partial<StoreValue['state']> = {}) {
  const value: StoreValue = {
    state: { ...initialState, ...state },
    dispatch: () => undefined,
    focusIncident: () => undefined,
    refetchAll: () => Promise.resolve(true),
    refetchIncident: () => Promise.resolve(),
    whenLiveReaches: () => Promise.resolve(),
  };
  return <StoreContext.Provider value={value}>{children}</StoreContext.Provider>;
}

describe('MapScreen', () => {
  it('labels an outline by its name, marked schematic, never by its code', () => {
    const outline = { name: '中宁县', code: '640521', level: 'county' };
    expect(outlineText(outline, translator('zh'), 'zh')).toBe('中宁县（示意）');
    expect(outlineText(outline, translator('en'), 'en')).toBe('中宁县 (schematic)');
  });

  it('labels a team marker with its status in the console language', () => {
    expect(teamText(team, translator('zh'), 'zh')).toBe('队伍：中卫市危化救援队（途中）');
    expect(teamText(team, translator('en'), 'en')).toBe('Teams: 中卫市危化救援队 (En route)');
  });

  it('says in words when the outlines cannot be loaded, in both languages', async () => {
    for (const [lang, text] of [
      ['zh', '辖区轮廓未能加载，地图上仅显示标记'],
      ['en', 'The jurisdiction outlines could not be loaded; the map shows the markers only'],
    ] as const) {
      // Neither the outlines nor the configuration answer: the map still opens, with its markers only.
      answerFetch({});
      const { unmount } = renderInConsole(withStore(<MapScreen />), { lang });
      await waitFor(() => expect(screen.getByTestId('map-outline-error').textContent).toBe(text));
      expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(translator(lang)('map.title'));
      unmount();
    }
  });

  it('draws a marker for each team of the store', async () => {
    answerFetch({});
    const teams = {
      t1: { ...team, id: 't1', location: { lat: 37.5, lng: 105.2 } },
      t2: { ...team, id: 't2', status: 'available', location: { lat: 37.4, lng: 105.6 } },
    } as unknown as StoreValue['state']['teams'];
    const { container } = renderInConsole(withStore(<MapScreen />, { teams }));
    await waitFor(() => expect(container.querySelectorAll('.marker-team')).toHaveLength(2));
    expect(container.querySelectorAll('.marker-incident')).toHaveLength(0);
  });
});
