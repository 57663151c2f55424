import { describe, expect, it } from 'vitest';
import { answerFetch } from '../../test-support/render';
import { escapedAttribution, loadOutlines } from './base-map';

describe('the base every console map stands on', () => {
  it('escapes a configured attribution, which Leaflet writes as HTML', () => {
    expect(escapedAttribution('<img src=x onerror="alert(1)"> & 局')).toBe(
      '&lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; 局',
    );
  });

  it('reads the outlines the server ships, and fails plainly when it cannot', async () => {
    const outlines = { type: 'FeatureCollection', features: [] };
    answerFetch({ 'GET /jurisdictions.geojson': { body: outlines } });
    await expect(loadOutlines()).resolves.toEqual(outlines);
    answerFetch({ 'GET /jurisdictions.geojson': { status: 404, body: {} } });
    await expect(loadOutlines()).rejects.toThrow('404');
  });
});
