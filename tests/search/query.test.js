'use strict';
// The table of queries Go checks (generator/search/testdata/queries.json),
// run through search.js on the index of the same test site: the shipped
// client and the Go reference give the same results.

const { describe, it, before } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { CLIENT, TESTDATA, testIndex } = require('./lib');
const search = require(CLIENT);

const table = JSON.parse(fs.readFileSync(path.join(TESTDATA, 'queries.json'), 'utf8')).queries;

// check mirrors checkQuery in generator/search/query_test.go.
function check(tc, res) {
  const ids = new Map(res.map((r) => [r.id, r]));
  if (tc.none && res.length > 0) return 'want no result';
  const first = tc.first || [];
  if (res.length < first.length || first.some((id, i) => res[i].id !== id)) return `want first ${first.join(' ')}`;
  for (const id of tc.has || []) if (!ids.has(id)) return `want ${id} among the results`;
  for (const id of tc.not || []) if (ids.has(id)) return `want no ${id}`;
  for (const [id, url] of Object.entries(tc.urls || {})) {
    if (!ids.has(id) || ids.get(id).url !== url) return `want ${id} to lead to ${url}, got ${ids.has(id) ? ids.get(id).url : 'nothing'}`;
  }
  for (const [id, want] of Object.entries(tc.listed || {})) {
    const r = ids.get(id) || {};
    const got = (r.profession || '') + ':' + (r.listed || []).map((l) => ' ' + l).join('');
    if (got !== want) return `want ${id} listed ${want}, got ${got}`;
  }
  for (const [id, names] of Object.entries(tc.cpts || {})) {
    const got = ids.has(id) ? ids.get(id).cpts.join('; ') : 'nothing';
    if (got !== names) return `want ${id} covered by ${names}, got ${got}`;
  }
  return '';
}

describe('queries (queries.json) through search.js', () => {
  let dir;
  let searcher;
  let fetched;
  before(() => {
    dir = testIndex();
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'search', 'manifest.json'), 'utf8'));
    fetched = [];
    searcher = new search.Searcher(manifest, async (p) => {
      fetched.push(p);
      return JSON.parse(fs.readFileSync(path.join(dir, 'search', p), 'utf8'));
    });
  });

  for (const tc of table) {
    it(`${JSON.stringify(tc.q)}${tc.note ? ' (' + tc.note + ')' : ''}`, async () => {
      searcher.near = (tc.near || '').split(' ').filter(Boolean);
      const res = await searcher.search(tc.q);
      const problem = check(tc, res);
      assert.equal(problem, '', `${problem}\n\tgot ${res.map((r) => r.id).join(' ')}`);
    });
  }

  it('fetches no prose shard nor record when names fill the list', async () => {
    const got = [];
    const cold = new search.Searcher(searcher.man, async (p) => {
      got.push(p);
      return JSON.parse(fs.readFileSync(path.join(dir, 'search', p), 'utf8'));
    });
    const res = await cold.search('lu');
    assert.equal(res.length, search.MAX_RESULTS);
    assert.deepEqual(got.filter((p) => !p.startsWith('s/')), [], `fetched ${got.join(', ')}`);
    assert.equal(got.length, 1, `fetched ${got.join(', ')}`);
  });

  it('waits for the gate before the prose of a query typed, and fetches none if it is superseded', async () => {
    // A query whose prose needs another word: it is shown by its names,
    // then, once the gate opens, with its prose; a closed gate fetches no
    // shard of prose alone and no chunk of records (RECORDS_DELAY).
    const q = 'soins non programmes';
    const cold = () => {
      const got = [];
      const s = new search.Searcher(searcher.man, async (p) => {
        got.push(p);
        return JSON.parse(fs.readFileSync(path.join(dir, 'search', p), 'utf8'));
      });
      return { s, got };
    };
    const want = await cold().s.search(q);
    assert.ok(want.some((r) => r.kind === 'mission' || r.kind === 'news'), `${q}: no prose among ${want.map((r) => r.id).join(' ')}`);
    const closed = cold();
    assert.equal(await closed.s.search(q, null, async () => false), null);
    assert.deepEqual(closed.got.filter((p) => p.startsWith('d/') || p.startsWith('s/=')), [], `fetched ${closed.got.join(', ')}`);
    const open = cold();
    let gates = 0;
    const res = await open.s.search(q, null, async () => { gates++; return true; });
    assert.deepEqual(res.map((r) => r.id), want.map((r) => r.id));
    assert.ok(gates > 0, 'the gate was not asked');
  });

  it('fetches one shard for a commune query, cold', async () => {
    const cold = new search.Searcher(searcher.man, async (p) => {
      fetched.push(p);
      return JSON.parse(fs.readFileSync(path.join(dir, 'search', p), 'utf8'));
    });
    fetched.length = 0;
    const res = await cold.search('st laurent aigouze');
    assert.equal(res[0].id, 'commune:30276');
    assert.equal(fetched.length, 1, `fetched ${fetched.join(', ')}`);
  });
});
