'use strict';
// The French matching helpers of search.js against the table Go checks
// too (generator/search/testdata/text.json): the index is folded in Go,
// the query in the browser, and both must agree.

const { describe, it } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { CLIENT, TESTDATA } = require('./lib');
const search = require(CLIENT);

const cases = JSON.parse(fs.readFileSync(path.join(TESTDATA, 'text.json'), 'utf8'));

describe('folding, keys and words (text.json)', () => {
  for (const [input, folded, key, words] of cases.fold) {
    it(JSON.stringify(input), () => {
      assert.equal(search.fold(input), folded, 'fold');
      assert.equal(search.key(input), key, 'key');
      assert.deepEqual(search.words(input), words, 'words');
    });
  }
});

describe('stemming (text.json)', () => {
  for (const [word, stem] of cases.stem) {
    it(`${word} → ${stem}`, () => assert.equal(search.stem(word), stem));
  }
});

describe('typo distance (text.json)', () => {
  for (const [a, b, d] of cases.distance) {
    it(`${a} / ${b}`, () => assert.equal(search.distance(a, b), d));
  }
});
