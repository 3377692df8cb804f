import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { renderToString } from 'preact-render-to-string';
import { contrastRatio, HEAT_COLOURS } from '../../../domain/monitoring.js';
import { BarChart } from './bar-chart.js';
import { HeatMap } from './heat-map.js';
import { NetworkChart } from './network-chart.js';

/** The SVG charts: accessible names and descriptions, every number as text, readable text colours. */
function accessibleImage(svg: string, id: string) {
  assert.match(svg, /^<svg /);
  assert.match(svg, /role="img"/);
  assert.match(svg, new RegExp(`aria-labelledby="${id}-title ${id}-desc"`));
  assert.match(svg, new RegExp(`<title id="${id}-title">`));
  assert.match(svg, new RegExp(`<desc id="${id}-desc">`));
  assert.match(svg, /viewBox="0 0 \d+(\.\d+)? \d+(\.\d+)?"/);
  assert.match(svg, /width="100%"/);
}

describe('heat map', () => {
  const svg = renderToString(
    <HeatMap
      id="hm"
      title="Rahoitus"
      desc="Kuvaus"
      rowLabels={['Kainuu', 'Lappi']}
      columnLabels={['Puhtaat ratkaisut', 'Digitalisaatio']}
      values={[
        [1000, 0],
        [200, 801],
      ]}
      format={(v) => `${v} €`}
      legendTitle="Selitys"
      legendNone="ei rahoitusta"
      legendRange={(a, b) => `${a}–${b}`}
    />,
  );

  it('is one accessible image with a title and a description', () => accessibleImage(svg, 'hm'));

  it('writes the amount in every cell, in black or white with at least 4.5:1 contrast on its fill', () => {
    const cells = [...svg.matchAll(/<g class="heat-cell" data-step="(\d)"><rect [^>]*fill="(#[0-9a-f]{6})"[^>]*><\/rect><text [^>]*fill="(#[0-9a-f]{6})"[^>]*>([^<]*)<\/text><\/g>/g)];
    assert.deepEqual(
      cells.map((c) => [c[1], c[4]]),
      [
        ['5', '1000 €'],
        ['0', '0 €'],
        ['1', '200 €'],
        ['5', '801 €'],
      ],
    );
    for (const c of cells) {
      assert.equal(c[2], HEAT_COLOURS[Number(c[1])]);
      assert.ok(contrastRatio(c[2]!, c[3]!) >= 4.5, `${c[3]} on ${c[2]}`);
    }
    assert.equal(cells[0]![3], '#ffffff');
    assert.equal(cells[1]![3], '#000000');
  });

  it('has a legend with the range of every colour', () => {
    assert.match(svg, /Selitys/);
    for (const text of ['ei rahoitusta', '0 €–200 €', '200 €–400 €', '800 €–1000 €']) assert.ok(svg.includes(text), text);
    assert.equal([...svg.matchAll(/class="heat-legend"/g)].length, 6);
  });

  it('labels the rows and the wrapped columns', () => {
    for (const text of ['Kainuu', 'Lappi', 'Puhtaat ratkaisut', 'Digitalisaatio']) assert.ok(svg.includes(text), text);
  });
});

describe('bar chart', () => {
  const svg = renderToString(
    <BarChart
      id="bc"
      title="Vuosittain"
      desc="Kuvaus"
      bars={[
        { label: '2025', value: 300, valueText: '300 €' },
        { label: '2026', value: 450, valueText: '450 €' },
      ]}
      formatTick={(v) => String(v)}
      reference={{ value: 400, label: '100 %' }}
    />,
  );

  it('is one accessible image', () => accessibleImage(svg, 'bc'));

  it('draws a bar per item in proportion, with its value written at its end', () => {
    const widths = [...svg.matchAll(/<g class="bar">.*?<rect x="180" y="[\d.]+" width="([\d.]+)"/g)].map((m) => Number(m[1]));
    // Ticks 0..500 over 340 units: 300 → 204, 450 → 306.
    assert.deepEqual(widths, [204, 306]);
    for (const text of ['2025', '2026', '300 €', '450 €', '100 %']) assert.ok(svg.includes(text), text);
    assert.deepEqual([...svg.matchAll(/<g class="bar-tick">.*?<text[^>]*>(\d+)<\/text>/g)].map((m) => m[1]), ['0', '100', '200', '300', '400', '500']);
  });
});

describe('network chart', () => {
  const nodes = ['10', '11', '12', '16', '17', '18', '19'].map((code) => ({ code, label: `Maakunta ${code}` }));
  const svg = renderToString(
    <NetworkChart
      id="nc"
      title="Yhteistyö"
      desc="Kuvaus"
      nodes={nodes}
      links={[
        { a: '17', b: '18', count: 4 },
        { a: '10', b: '19', count: 1 },
        { a: '11', b: '12', count: 0 },
      ]}
    />,
  );

  it('is one accessible image', () => accessibleImage(svg, 'nc'));

  it('places the seven regions with labels and draws a line per pair with projects, wider for more', () => {
    assert.equal([...svg.matchAll(/class="network-node"/g)].length, 7);
    for (const n of nodes) assert.ok(svg.includes(n.label));
    const links = [...svg.matchAll(/data-pair="(\d+-\d+)"><line [^>]*stroke-width="([\d.]+)"/g)].map((m) => [m[1], Number(m[2])]);
    assert.deepEqual(links, [
      ['10-19', 4.5],
      ['17-18', 12],
    ]);
    assert.deepEqual([...svg.matchAll(/class="network-count">.*?<text[^>]*>(\d+)<\/text>/g)].map((m) => m[1]), ['1', '4']);
  });
});
