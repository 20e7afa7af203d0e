// The reference server sends downloads of earlier versions on (README, "Old download
// addresses"): a static site cannot redirect a data file itself.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { movedDownload } from './server.mjs';

test('old per-period, per-indicator, per-unit and chart JSON downloads are redirected', () => {
  assert.equal(movedDownload('du-lieu/ky/2024-04.csv'), 'du-lieu/');
  assert.equal(movedDownload('du-lieu/chi-tieu/ho-so-truc-tuyen.json'), 'du-lieu/');
  assert.equal(movedDownload('du-lieu/don-vi/stp.csv'), 'du-lieu/');
  assert.equal(movedDownload('du-lieu/bieu-do/bai-2024-04-muc-tieu.json'), 'du-lieu/bieu-do/bai-2024-04-muc-tieu.csv');
  assert.equal(movedDownload('du-lieu/bieu-do/bai-2024-04-muc-tieu.echarts.json'), 'du-lieu/bieu-do/bai-2024-04-muc-tieu.csv');
  // Today's files are served as they are.
  for (const rel of ['du-lieu/chi-tieu.csv', 'du-lieu/don-vi.json', 'du-lieu/bieu-do/bai-2024-04-muc-tieu.csv', 'du-lieu/ky.csv', 'chi-tieu/x/'])
    assert.equal(movedDownload(rel), null, rel);
});
