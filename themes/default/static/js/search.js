/* Search as you type, from the prebuilt index of generator/search.
   Plain JavaScript, no dependency. The form works without it: it leads to
   the A-Z index of communes. This file turns its input into an ARIA 1.2
   combobox with a listbox of results.

   The text functions and the query algorithm are a line-for-line port of
   generator/search (text.go, query.go); tests/search runs the shared tables
   of generator/search/testdata through this file. In Node, it exports them
   instead of touching the page. */
(function () {
  'use strict';

  var FORMAT_VERSION = 6;
  var MAX_RESULTS = 10;
  var MAX_TYPO_FILES = 8;
  var RECORDS_DELAY = 200; // ms; as search.RecordsDelay
  var TYPO_MARK = '~';
  var PROSE_MARK = '=';
  var KIND = { commune: 0, departement: 1, region: 2, cpts: 3, profession: 4, mission: 5, news: 6 };
  var KIND_NAMES = ['commune', 'departement', 'region', 'cpts', 'profession', 'mission', 'news'];

  /* ---- Folding: generator/fold.Fold and fold.Name ---- */

  // Lower-case base letter of U+00C0 to U+017F; '_' marks runes that
  // SPELL handles or that are symbols.
  var LATIN_BASE =
    'aaaaaa_ceeeeiiii_nooooo__uuuuy__' +
    'aaaaaa_ceeeeiiii_nooooo__uuuuy_y' +
    'aaaaaaccccccccdd__eeeeeeeeeegggg' +
    'gggghh__iiiiiiiii___jjkk_llllll_' +
    '___nnnnnn___oooooo__rrrrrrssssss' +
    'sstttt__uuuuuuuuuuuuwwyyyzzzzzz_';
  var SPELL = {
    0x153: 'oe', 0x152: 'oe', 0xe6: 'ae', 0xc6: 'ae', 0xdf: 'ss', 0xf8: 'o', 0xd8: 'o',
    0x142: 'l', 0x141: 'l', 0x111: 'd', 0x110: 'd', 0xf0: 'd', 0xd0: 'd', 0xfe: 'th', 0xde: 'th',
    0x131: 'i', 0x127: 'h', 0x126: 'h', 0x133: 'ij', 0x132: 'ij', 0x138: 'k', 0x140: 'l', 0x13f: 'l',
    0x149: 'n', 0x14b: 'n', 0x14a: 'n', 0x167: 't', 0x166: 't', 0x17f: 's'
  };
  var RE_MARK = /\p{M}/u;
  var RE_MODIFIER = /\p{Lm}/u;
  var RE_WORD = /[\p{L}\p{Nd}]/u;

  // Writer builds a folded string, turning runs of separators into one
  // space between words (foldNFD).
  function Writer() { this.out = ''; this.gap = false; }
  Writer.prototype.add = function (s) {
    if (this.gap && this.out.length > 0) this.out += ' ';
    this.gap = false;
    this.out += s;
  };
  // ascii folds one ASCII code.
  Writer.prototype.ascii = function (c) {
    if (ASCII[c] === '') this.gap = true; else this.add(ASCII[c]);
  };
  // latin folds a Latin-1 or Latin Extended-A rune or general punctuation,
  // and reports whether it did.
  Writer.prototype.latin = function (r) {
    if (r >= 0xc0 && r <= 0x17f) {
      if (LATIN[r - 0xc0] === '') this.gap = true; else this.add(LATIN[r - 0xc0]);
      return true;
    }
    if (r >= 0x2000 && r <= 0x206f) { this.gap = true; return true; }
    return false;
  };

  // ASCII and LATIN map a code to its folded letters, '' for a separator.
  var ASCII = [];
  for (var c = 0; c < 0x80; c++) {
    ASCII.push(c >= 65 && c <= 90 ? String.fromCharCode(c + 32) :
      (c >= 97 && c <= 122) || (c >= 48 && c <= 57) ? String.fromCharCode(c) : '');
  }
  var LATIN = [];
  for (var r = 0xc0; r <= 0x17f; r++) {
    var b = LATIN_BASE.charAt(r - 0xc0);
    LATIN.push(b !== '_' ? b : SPELL[r] || '');
  }

  function isFolded(s) {
    for (var i = 0; i < s.length; i++) {
      var c = s.charCodeAt(i);
      if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) continue;
      if (c === 32 && i > 0 && i < s.length - 1 && s.charCodeAt(i - 1) !== 32) continue;
      return false;
    }
    return true;
  }

  // fold: lower case, no accents, ligatures spelt out, every other
  // character a separator; as generator/fold.Fold. ASCII, Latin-1 and
  // Latin Extended-A are folded in one pass, other text through NFD.
  function fold(s) {
    if (isFolded(s)) return s;
    var out = '', gap = false;
    for (var i = 0; i < s.length; i++) {
      var c = s.charCodeAt(i), piece;
      if (c < 0x80) piece = ASCII[c];
      else if (c >= 0xc0 && c <= 0x17f) piece = LATIN[c - 0xc0];
      else if (c >= 0x2000 && c <= 0x206f) piece = '';
      else return foldNFD(s);
      if (piece === '') { gap = true; continue; }
      if (gap && out.length > 0) out += ' ';
      gap = false;
      out += piece;
    }
    return out;
  }

  function foldNFD(s) {
    var w = new Writer();
    for (var ch of s.normalize('NFD')) {
      var r = ch.codePointAt(0);
      if (r < 0x80) w.ascii(r);
      else if (w.latin(r)) { /* folded */ }
      else if (RE_MARK.test(ch)) { /* accent split off by NFD */ }
      else if (RE_MODIFIER.test(ch)) w.gap = true;
      else if (RE_WORD.test(ch)) w.add(ch.toLowerCase());
      else w.gap = true;
    }
    return w.out;
  }

  function isArticle(w) { return w === 'le' || w === 'la' || w === 'les' || w === 'l'; }

  function expand(w) {
    switch (w) {
      case 'st': return 'saint';
      case 'ste': return 'sainte';
      case 'sts': return 'saints';
      case 'stes': return 'saintes';
    }
    return '';
  }

  function dropTrailingArticle(s) {
    var t = s.replace(/ +$/, '');
    if (t.charAt(t.length - 1) !== ')') return s;
    var i = t.lastIndexOf('(');
    if (i <= 0 || !isArticle(fold(t.slice(i + 1, t.length - 1)))) return s;
    return t.slice(0, i);
  }

  // key: the form two names share when they are the same name; as
  // generator/fold.Name and search.Key.
  function key(s) {
    var f = fold(dropTrailingArticle(s));
    var i = f.indexOf(' ');
    if (i > 0 && isArticle(f.slice(0, i))) f = f.slice(i + 1);
    return f.split(' ').map(function (w) { return expand(w) || w; }).join(' ');
  }

  // words: folded words, abbreviations spelt out; as search.Words.
  function words(s) {
    var f = fold(s);
    if (f === '') return [];
    return f.split(' ').map(function (w) { return expand(w) || w; });
  }

  // stem: light French stemming of a folded word; as search.Stem.
  function stem(w) {
    if (w.length <= 3 || /[0-9]/.test(w)) return w;
    if (/eaux$/.test(w)) w = w.slice(0, -1);
    else if (w.length >= 5 && /aux$/.test(w)) w = w.slice(0, -3) + 'al';
    else if (/[sx]$/.test(w)) w = w.slice(0, -1);
    for (var i = 0; i < 2 && w.length > 4 && /e$/.test(w); i++) w = w.slice(0, -1);
    if (w.length > 5 && /er$/.test(w)) w = w.slice(0, -2);
    return w;
  }

  function isDigit(w) { var c = w.charCodeAt(0); return c >= 48 && c <= 57; }

  // restEqual reports whether a from ai equals b from bi up to bl.
  function restEqual(a, ai, b, bi, bl) {
    if (a.length - ai !== bl - bi) return false;
    for (; ai < a.length; ai++, bi++) if (a.charCodeAt(ai) !== b.charCodeAt(bi)) return false;
    return true;
  }

  // within1 reports whether a and the first bl letters of b are at most
  // one edit apart (optimal string alignment), without slicing strings.
  function within1(a, b, bl) {
    var al = a.length;
    if (al - bl > 1 || bl - al > 1) return false;
    var i = 0;
    while (i < al && i < bl && a.charCodeAt(i) === b.charCodeAt(i)) i++;
    if (i === al && i === bl) return true;
    if (al === bl) {
      return restEqual(a, i + 1, b, i + 1, bl) ||
        (i + 1 < al && a.charCodeAt(i) === b.charCodeAt(i + 1) && a.charCodeAt(i + 1) === b.charCodeAt(i) && restEqual(a, i + 2, b, i + 2, bl));
    }
    return al === bl + 1 ? restEqual(a, i + 1, b, i, bl) : restEqual(a, i, b, i + 1, bl);
  }

  // distance: 0, 1, or 2 for more than one edit; as search.distance.
  function distance(a, b) {
    if (a === b) return 0;
    return within1(a, b, b.length) ? 1 : 2;
  }

  // typoPrefix: q is, with one typo, the start of w; as search.typoPrefix.
  function typoPrefix(q, w) {
    for (var n = q.length - 1; n <= q.length + 1; n++) {
      if (n >= 1 && n <= w.length && within1(q, w, n)) return true;
    }
    return false;
  }

  /* ---- Records: search.recordWords and recordKeys ---- */

  function deptOf(code) {
    return /^9[78]/.test(code) ? code.slice(0, 3) : code.slice(0, 2);
  }

  function addWords(out, s) {
    words(s).forEach(function (w) { if (out.indexOf(w) < 0) out.push(w); });
  }

  function recordWords(rec, rows, names) {
    var out = [];
    switch (rec[0]) {
      case KIND.commune: addWords(out, rec[2]); addWords(out, rec[1]); addWords(out, rec[3]); break;
      case KIND.departement: case KIND.region: addWords(out, rec[2]); addWords(out, rec[1]); break;
      case KIND.cpts:
        for (var i = 1; i <= 3; i++) addWords(out, rows[0][i]);
        rows[0][4].split(' ').filter(Boolean).forEach(function (d) { addWords(out, d); addWords(out, names[d] || ''); });
        break;
      case KIND.profession: addWords(out, rec[2]); addWords(out, rec[1]); break;
    }
    return out;
  }

  function recordKeys(rec, rows) {
    var out = [];
    function add(s) { if (s !== '' && out.indexOf(s) < 0) out.push(s); }
    switch (rec[0]) {
      case KIND.commune:
        add(key(rec[2])); add(key(rec[1]));
        rec[3].split(' ').filter(Boolean).forEach(add);
        break;
      case KIND.departement: case KIND.region: add(key(rec[2])); add(key(rec[1])); break;
      case KIND.cpts: for (var i = 1; i <= 3; i++) add(key(rows[0][i])); break;
      case KIND.profession: add(key(rec[2])); add(key(rec[1])); break;
    }
    return out;
  }

  // recordRefs: the CPTS references of a record; as search.recordRefs.
  function recordRefs(rec) {
    var v = null;
    switch (rec[0]) {
      case KIND.commune: v = rec[4]; break;
      case KIND.mission: case KIND.news: v = rec[3]; break;
      case KIND.cpts: v = rec[1]; break;
      case KIND.profession: v = rec[3]; break;
    }
    if (typeof v === 'number') return v < 0 ? [] : [v];
    return Array.isArray(v) ? v : [];
  }

  /* ---- The index: search.Searcher ---- */

  // Searcher answers queries from the manifest; fetchJSON(path) resolves
  // to a parsed file of the index, path being relative to the manifest's
  // folder ("s/lu.0123456789.json").
  function Searcher(manifest, fetchJSON) {
    this.man = manifest;
    this.fetchJSON = fetchJSON;
    this.files = new Map(); // path -> decoded file
    this.loading = new Map(); // path -> Promise
    this.near = []; // départements ranked first among equal matches; as Searcher.Near
  }

  // isNear: whether a record is of one of the near départements; as
  // Searcher.isNear.
  Searcher.prototype.isNear = function (r) {
    var near = this.near;
    if (near.length === 0) return false;
    if (r.kind === KIND.commune) return near.indexOf(deptOf(r.rec[1])) >= 0;
    if (r.kind === KIND.cpts) return r.rows[0][4].split(' ').some(function (d) { return near.indexOf(d) >= 0; });
    return false;
  };

  // mapFile is the path of a map of shards fetched when first needed:
  // 'typos', 'codes' or 'prose'; null when the index has none.
  Searcher.prototype.mapFile = function (name) { return this.man[name] ? name + '.' + this.man[name] + '.json' : null; };

  // loadMap resolves to that map, fetched once, if need; else to null.
  Searcher.prototype.loadMap = function (name, need) {
    var p = this.mapFile(name);
    return p && need ? this.load(p) : Promise.resolve(null);
  };

  // loadedMap is that map once loaded, else undefined.
  Searcher.prototype.loadedMap = function (name) { return this.files.get(this.mapFile(name)); };

  // fileFor: the shard of t, from the manifest, or for a word that starts
  // with a digit from the map of the codes, which must be loaded; as
  // Searcher.fileFor.
  Searcher.prototype.fileFor = function (t) {
    if (!isDigit(t)) return fileIn(this.man, t);
    var m = this.loadedMap('codes');
    return m ? fileIn(m, t) : null;
  };

  // fileIn finds the shard of t in a map of shards (split, ranges): the
  // manifest, or a map of loadMap; as shardMap.fileFor.
  function fileIn(m, t) {
    if (t.length < 2) return null;
    var split = m.split;
    var has = function (k) { return Object.prototype.hasOwnProperty.call(split, k); };
    var k = t.slice(0, 2);
    while (has(k) && k.length < t.length) k = t.slice(0, k.length + 1);
    if (has(k)) return { path: 's/' + k + '.' + split[k] + '.json', key: k, split: true };
    var r = m.ranges;
    var lo = 0, hi = r.length; // first range whose key is > k
    while (lo < hi) {
      var mid = (lo + hi) >> 1;
      if (r[mid][0] > k) hi = mid; else lo = mid + 1;
    }
    if (lo === 0) return null;
    return { path: 's/' + r[lo - 1][0] + '.' + r[lo - 1][1] + '.json', key: k, split: false };
  }

  // decodeShard prepares the records and postings of a shard for matching.
  Searcher.prototype.decodeShard = function (raw) {
    var names = this.man.depts;
    var pos = 0;
    var recs = raw.d.map(function (rec, i) {
      var rows = recordRefs(rec).map(function (n) { return raw.x[n]; });
      pos += raw.i[i];
      return { rec: rec, kind: rec[0], pos: pos, rows: rows, words: recordWords(rec, rows, names), keys: null };
    });
    var w = raw.w.map(function (p) {
      var ids = [], id = 0;
      for (var i = 0; i < p[1].length; i++) { id += p[1][i]; ids.push(id); }
      return { term: p[0], ids: ids };
    });
    return { recs: recs, w: w };
  };

  // load resolves to the file at path, fetched and decoded once.
  Searcher.prototype.load = function (path, decode) {
    var self = this;
    if (this.files.has(path)) return Promise.resolve(this.files.get(path));
    if (!this.loading.has(path)) {
      this.loading.set(path, Promise.resolve(this.fetchJSON(path)).then(function (raw) {
        var f = decode ? decode.call(self, raw) : raw;
        self.files.set(path, f);
        return f;
      }, function (err) { self.loading.delete(path); throw err; }));
    }
    return this.loading.get(path);
  };

  Searcher.prototype.loadShard = function (path) { return this.load(path, this.decodeShard); };

  function isParticle(man, w) { return man.particles.indexOf(w) >= 0; }
  function isStopWord(man, w) { return man.stop.indexOf(w) >= 0; }

  // tokens: the words a query must match; as search.tokens.
  Searcher.prototype.tokens = function (query) {
    var man = this.man;
    var ws = words(query);
    var req = [];
    ws.forEach(function (w) { if (!isParticle(man, w) && req.indexOf(w) < 0) req.push(w); });
    if (req.length === 0) ws.forEach(function (w) { if (req.indexOf(w) < 0) req.push(w); });
    return req;
  };

  var WORD = 0, PREFIX = 1, TYPO = 2, TYPO_PREFIX = 3, NONE = 4;

  function matchWords(man, q, ws) {
    var best = NONE;
    for (var i = 0; i < ws.length; i++) {
      var w = ws[i];
      if (w === q) return WORD;
      if (w.lastIndexOf(q, 0) === 0) best = Math.min(best, PREFIX);
      else if (best > TYPO && q.length >= man.typo && !isDigit(q) && distance(q, w) <= 1) best = TYPO;
      else if (best > TYPO_PREFIX && q.length >= man.typo && !isDigit(q) && typoPrefix(q, w)) best = TYPO_PREFIX;
    }
    return best;
  }

  // plan returns what a query needs: its words, and the primary word and
  // the shard file it chooses (the first word whose shard is complete;
  // when all are split, the deeper, then the longer word; as
  // Searcher.Search); null when there is nothing to look up; needCodes
  // when a code must be looked up first.
  Searcher.prototype.plan = function (query) {
    if (words(query).join('').length < 2) return null;
    var req = this.tokens(query);
    var primary = '', best = null, bestSplit = true, bestDepth = -1;
    for (var i = 0; i < req.length && (best === null || bestSplit); i++) {
      var t = req[i];
      if (isDigit(t) && this.mapFile('codes') && !this.loadedMap('codes')) return { needCodes: true };
      var f = this.fileFor(t);
      if (!f) continue;
      var depth = f.key.length;
      if (best === null || !f.split || depth > bestDepth || (depth === bestDepth && t.length > primary.length)) {
        primary = t; best = f.path; bestSplit = f.split; bestDepth = depth;
      }
    }
    if (best === null) return null;
    return { query: query, req: req, primary: primary, file: best };
  };

  // names: the name records of the loaded shard files that match every
  // word; as Searcher.names.
  Searcher.prototype.names = function (plan, files, seen) {
    var self = this, man = this.man;
    var qkey = key(plan.query);
    // A word that names a profession takes no typo but the s of its
    // plural; as Searcher.names.
    var singular = plan.req.map(function (t) { return self.professionOf(t) !== '' ? t.replace(/s$/, '') : ''; });
    var hits = [];
    files.forEach(function (f) {
      self.files.get(f).recs.forEach(function (r) {
        if (seen.has(r.pos)) return; // also in a shard read before
        var h = { r: r, id: -1, kind: r.kind, order: r.pos, exact: 0, typos: 0, prefixes: 0, near: self.isNear(r) };
        for (var j = 0; j < plan.req.length; j++) {
          var m = matchWords(man, plan.req[j], r.words);
          if (m === NONE || (m >= TYPO && singular[j] !== '' && matchWords(man, singular[j], r.words) >= TYPO)) return;
          count(h, m);
        }
        seen.add(r.pos);
        if (!r.keys) r.keys = recordKeys(r.rec, r.rows);
        h.exact = exactness(r, qkey);
        hits.push(h);
      });
    });
    return hits;
  };

  // stemFile is the shard holding the postings of t's stem, or null.
  Searcher.prototype.stemFile = function (t) {
    if (isStopWord(this.man, t)) return null;
    var f = this.fileFor(stem(t));
    return f ? f.path : null;
  };

  // proseFile is the shard of prose alone holding the postings of t's
  // stem, or null; the map of these shards must be loaded (proseMap).
  Searcher.prototype.proseFile = function (t) {
    var m = this.loadedMap('prose');
    var s = stem(t);
    if (!m || isStopWord(this.man, t) || s.length < 2) return null;
    var f = fileIn(m, PROSE_MARK + s);
    return f ? f.path : null;
  };

  // proseLoaded reports whether the map of the shards of prose alone and
  // the shards of the words ws are loaded, if they need them; as
  // Searcher.proseReady.
  Searcher.prototype.proseLoaded = function (ws) {
    var self = this, man = this.man;
    var need = ws.filter(function (t) { return !isStopWord(man, t) && stem(t).length >= 2; });
    if (need.length === 0 || !this.mapFile('prose')) return true;
    if (!this.loadedMap('prose')) return false;
    return need.every(function (t) { var p = self.proseFile(t); return !p || self.files.has(p); });
  };

  // proseMap resolves once the map of the shards of prose alone is loaded,
  // if one of the words needs it.
  Searcher.prototype.proseMap = function (ws) {
    var man = this.man;
    return this.loadMap('prose', ws.some(function (t) { return !isStopWord(man, t) && stem(t).length >= 2; }));
  };

  // stems: how the prose documents match t, from the loaded shard of its
  // stem (id -> match): of names for the primary word, of prose alone for
  // the others; as Searcher.stems.
  Searcher.prototype.stems = function (t, primary) {
    var out = new Map();
    var path = primary ? this.stemFile(t) : this.proseFile(t);
    if (!path) return out;
    var s = stem(t), w = this.files.get(path).w;
    for (var i = 0; i < w.length; i++) {
      var m = matchWords(this.man, s, [w[i].term]);
      if (m === NONE) continue;
      w[i].ids.forEach(function (id) { if (!out.has(id) || m < out.get(id)) out.set(id, m); });
    }
    return out;
  };

  Searcher.prototype.kindOf = function (id) {
    var k = 0;
    this.man.kinds.forEach(function (first, i) { if (first <= id) k = i; });
    return k;
  };

  // prose: the prose documents that match every word but stop words; the
  // shards of the stems of the words must be loaded; as Searcher.prose.
  Searcher.prototype.prose = function (plan) {
    var self = this;
    var first = this.stems(plan.primary, true);
    if (first.size === 0) return [];
    var hits = Array.from(first.keys()).sort(function (a, b) { return a - b; }).map(function (id) {
      var kind = self.kindOf(id);
      var h = { r: null, id: id, kind: kind, order: kind === KIND.news ? -id : id, exact: 0, typos: 0, prefixes: 0, near: false };
      count(h, first.get(id));
      return h;
    });
    plan.req.forEach(function (t) {
      if (t === plan.primary || isStopWord(self.man, t)) return;
      var m = self.stems(t, false);
      hits = hits.filter(function (h) {
        if (!m.has(h.id)) return false;
        count(h, m.get(h.id));
        return true;
      });
    });
    return hits;
  };

  function count(h, m) {
    if (m === PREFIX || m === TYPO_PREFIX) h.prefixes++;
    if (m === TYPO || m === TYPO_PREFIX) h.typos++;
  }

  // exactness: 2 a name or postal code, 1 a commune's INSEE code only, 0
  // none; as search.exactness.
  function exactness(r, qkey) {
    if (r.keys.indexOf(qkey) < 0) return 0;
    if (r.kind === KIND.commune && qkey === key(r.rec[1]) && qkey !== key(r.rec[2]) &&
        r.rec[3].split(' ').indexOf(qkey) < 0) return 1;
    return 2;
  }

  // hitLess: exact first, names before prose, fewer typos, fewer prefixes,
  // kind, the page's départements, global order; as search.hitLess.
  function hitLess(a, b) {
    if (a.exact !== b.exact) return b.exact - a.exact;
    var pa = a.kind >= KIND.mission, pb = b.kind >= KIND.mission;
    if (pa !== pb) return pa ? 1 : -1;
    if (a.typos !== b.typos) return a.typos - b.typos;
    if (a.prefixes !== b.prefixes) return a.prefixes - b.prefixes;
    if (a.kind !== b.kind) return a.kind - b.kind;
    if (a.near !== b.near) return a.near ? -1 : 1;
    return a.order - b.order;
  }

  // professionOf: the profession a word names (or its plural), or ''.
  Searcher.prototype.professionOf = function (w) {
    var vocab = this.man.professions || {};
    var has = function (k) { return Object.prototype.hasOwnProperty.call(vocab, k); };
    if (has(w)) return vocab[w];
    var s = w.replace(/s$/, '');
    return has(s) ? vocab[s] : '';
  };

  // splitProfession: the profession a query names and its other words,
  // the place; null when there is no profession or no place; as
  // Searcher.splitProfession.
  Searcher.prototype.splitProfession = function (req) {
    var profession = this.professionOf.bind(this);
    var p = '';
    for (var i = 0; i < req.length && !p; i++) p = profession(req[i]);
    if (!p) return null;
    var place = req.filter(function (w) { return profession(w) !== p; });
    return place.length ? { profession: p, place: place } : null;
  };

  // typoFiles resolves to the shard files a slip among the letters that
  // choose the shard of t may have missed, the map of the deletion terms
  // fetched once; as search.typoFiles.
  Searcher.prototype.typoFiles = function (t, used) {
    if (t.length < this.man.typo || isDigit(t)) return Promise.resolve([]);
    var self = this;
    var f0 = this.fileFor(t);
    var n = Math.max(f0 ? f0.key.length : 2, 2);
    return Promise.all([this.loadMap('typos', true), this.loadMap('codes', isDigit(t.slice(1)))]).then(function (maps) {
      var m = maps[0];
      var files = [];
      var add = function (f) {
        if (f && f.path !== used && files.indexOf(f.path) < 0 && files.length < MAX_TYPO_FILES) files.push(f.path);
      };
      var j;
      if (m) {
        var variants = [TYPO_MARK + t.slice(1), TYPO_MARK + t];
        for (j = 1; j < n; j++) variants.push(TYPO_MARK + t.slice(0, j) + t.slice(j + 1));
        variants.forEach(function (v) { add(fileIn(m, v)); });
      }
      for (j = 0; j < n; j++) add(self.fileFor(t.slice(0, j) + t.slice(j + 1)));
      return files;
    });
  };

  // search resolves to the results of a query; as Searcher.Search. The
  // shard of the primary word (and of its stem) is fetched first; onFirst,
  // if given, gets the results of the name records while prose still
  // needs the shards of other words or its chunks of records. gate, if
  // given, is called before those are fetched and resolves to whether to
  // fetch them; if not, search resolves to null (a later keystroke
  // superseded the query; as Searcher.search without records).
  Searcher.prototype.search = function (query, onFirst, gate) {
    var self = this;
    var split = this.splitProfession(this.tokens(query));
    if (split) {
      // A profession and a place: the place, each CPTS said to list the
      // profession or not; as Searcher.Search.
      return this.search(split.place.join(' ')).then(function (results) {
        return self.load('professions.' + self.man.professionsFile + '.json').then(function (f) {
          var listed = f.p[split.profession];
          results.forEach(function (r) {
            r.profession = listed.label;
            r.listed = (r.slugs || []).map(function (s) { return listed.cpts.indexOf(s) >= 0; });
          });
          return results;
        });
      });
    }
    var plan = this.plan(query);
    if (!plan) return Promise.resolve([]);
    if (plan.needCodes) return this.loadMap('codes', true).then(function () { return self.search(query, onFirst); });
    var loadAll = function (paths) {
      return Promise.all(paths.filter(Boolean).map(function (p) { return self.loadShard(p); }));
    };
    var seen = new Set();
    return loadAll([plan.file, this.stemFile(plan.primary)]).then(function () {
      var names = self.names(plan, [plan.file], seen);
      if (names.length >= MAX_RESULTS) return names; // no prose document would show
      var first = self.stems(plan.primary, true);
      if (first.size === 0) return names;
      var others = plan.req.filter(function (t) { return t !== plan.primary; });
      if (onFirst) onFirst(self.rows(names.slice().sort(hitLess), false));
      var lookup = function () {
        return self.proseMap(others).then(function () {
          return loadAll(others.map(function (t) { return self.proseFile(t); }));
        }).then(function () { return names.concat(self.prose(plan)); });
      };
      if (!gate || self.proseLoaded(others)) return lookup();
      return gate().then(function (go) { return go ? lookup() : null; });
    }).then(function (hits) {
      // A slip among the first letters may have chosen the wrong shard:
      // what it finds there joins the typos found so far.
      if (hits === null || hits.some(function (h) { return h.typos === 0; }) || self.professionOf(plan.primary) !== '') return hits;
      return self.typoFiles(plan.primary, plan.file).then(function (alt) {
        return loadAll(alt).then(function () { return hits.concat(self.names(plan, alt, seen)); });
      });
    }).then(function (hits) {
      if (hits === null) return null; // superseded
      hits.sort(hitLess);
      hits = hits.slice(0, MAX_RESULTS);
      var load = function () { return self.loadRecords(hits).then(function () { return self.rows(hits, true); }); };
      if (!gate || self.recordsLoaded(hits)) return load();
      if (onFirst) onFirst(self.rows(hits, false));
      return gate().then(function (go) { return go ? load() : null; });
    });
  };

  // chunkOf: the path of the chunk of records of prose document id, and
  // the record's place in it; as docsRef.place: missions counted from the
  // first, news from the last back.
  Searcher.prototype.chunkOf = function (id) {
    var ix = this.man.docs;
    var series = 'm', hashes = ix.missionHashes, k = id - ix.first;
    if (id >= ix.news) { series = 'n'; hashes = ix.newsHashes; k = id - ix.news; }
    var n = Math.floor(k / ix.size);
    return { path: 'd/' + series + n + '.' + (hashes[Math.floor(n / ix.group)] || '') + '.json', at: k % ix.size };
  };

  // recordsLoaded reports whether the chunks of the prose records among
  // hits are all loaded; as Searcher.hasRecord.
  Searcher.prototype.recordsLoaded = function (hits) {
    var self = this;
    return !this.man.docs || hits.every(function (h) { return h.r !== null || self.files.has(self.chunkOf(h.id).path); });
  };

  // loadRecords fetches the chunks of the prose records among hits.
  Searcher.prototype.loadRecords = function (hits) {
    var self = this;
    var prose = hits.filter(function (h) { return h.r === null; });
    var ix = this.man.docs;
    if (prose.length === 0 || !ix) return Promise.resolve();
    var paths = [];
    prose.forEach(function (h) {
      var p = self.chunkOf(h.id).path;
      if (paths.indexOf(p) < 0) paths.push(p);
    });
    return Promise.all(paths.map(function (p) { return self.load(p); }));
  };

  // rows turns hits into result lines; prose hits without their record
  // loaded are left out.
  Searcher.prototype.rows = function (hits, final) {
    var self = this, out = [];
    hits.forEach(function (h) {
      if (out.length >= MAX_RESULTS) return;
      if (h.r) { out.push(resultOf(h.r.rec, h.r.rows)); return; }
      var k = self.man.docs ? self.chunkOf(h.id) : null;
      var c = k && self.files.get(k.path);
      if (!c) return;
      var rec = c.d[k.at];
      out.push(resultOf(rec, recordRefs(rec).map(function (n) { return c.x[n]; })));
    });
    return out;
  };

  // resultOf turns a record into a result line; as Searcher.result in Go.
  function resultOf(rec, rows) {
    var kind = KIND_NAMES[rec[0]];
    var names = rows.map(function (x) { return x[1]; });
    switch (rec[0]) {
      case KIND.commune:
        return { id: 'commune:' + rec[1], kind: kind, name: rec[2], url: rec.length > 5 ? rec[5] : '/communes/' + rec[1] + '/',
          dept: deptOf(rec[1]), cpts: names, more: rec[3], slugs: rows.map(function (x) { return x[0]; }) };
      case KIND.departement:
        return { id: 'departement:' + rec[1], kind: kind, name: rec[2], url: rec[3], dept: rec[1], cpts: [], more: '' };
      case KIND.region:
        return { id: 'region:' + rec[1], kind: kind, name: rec[2], url: rec[3], dept: '', cpts: [], more: '' };
      case KIND.cpts:
        return { id: 'cpts:' + rows[0][0], kind: kind, name: rows[0][1], url: '/cpts/' + rows[0][0] + '/', dept: rows[0][4], cpts: [], more: '', slugs: [rows[0][0]] };
      case KIND.profession:
        return { id: 'profession:' + rec[1] + '@' + rows[0][0], kind: kind, name: rec[2], url: '/cpts/' + rows[0][0] + '/#membres',
          dept: rows[0][4], cpts: names, more: '' };
      case KIND.mission:
        return { id: 'mission:' + rows[0][0] + ':' + key(rec[1]).replace(/ /g, '-'), kind: kind, name: rec[1],
          url: '/cpts/' + rows[0][0] + '/#missions', dept: rows[0][4], cpts: names, more: rec[2] };
      case KIND.news:
        return { id: 'news:' + rec[2], kind: kind, name: rec[1], url: rec[2], dept: rows.length ? rows[0][4] : '', cpts: names, more: '' };
    }
    return { id: 'unknown:' + rec[0], kind: kind, name: '', url: '/', dept: '', cpts: [], more: '' };
  }

  var api = {
    FORMAT_VERSION: FORMAT_VERSION, MAX_RESULTS: MAX_RESULTS, RECORDS_DELAY: RECORDS_DELAY,
    fold: fold, key: key, words: words, stem: stem, distance: distance, deptOf: deptOf, Searcher: Searcher
  };

  /* ---- The combobox ---- */

  function init(form) {
    var input = form.querySelector('input[type="search"]');
    var list = form.querySelector('[role="listbox"]');
    var status = form.querySelector('[role="status"]');
    var empty = form.querySelector('.search-empty'); // shown when a query finds nothing
    var professionEmpty = form.querySelector('.search-profession'); // instead, when it names a profession
    if (!input || !list || !status || !form.dataset.index || typeof fetch !== 'function') return;
    var text = form.dataset;
    var manifestURL = new URL(form.dataset.index, document.baseURI);
    var siteRoot = new URL('../', manifestURL); // the manifest is <root>/search/manifest.json
    var searcher = null, starting = null;
    var seq = 0, results = [], active = -1, announce = 0;

    input.setAttribute('role', 'combobox');
    input.setAttribute('aria-autocomplete', 'list');
    input.setAttribute('aria-expanded', 'false');
    input.setAttribute('aria-controls', list.id);

    function fetchJSON(url) {
      return fetch(url, { credentials: 'same-origin' }).then(function (res) {
        if (!res.ok) throw new Error(url + ': HTTP ' + res.status);
        return res.json();
      });
    }

    function start() {
      if (!starting) {
        starting = fetchJSON(manifestURL.href).then(function (man) {
          if (man.version !== FORMAT_VERSION) {
            console.warn('cpts search: ' + manifestURL.pathname + ' has format version ' + man.version +
              ', this script reads version ' + FORMAT_VERSION + '; search as you type is off');
            return null;
          }
          searcher = new Searcher(man, function (p) { return fetchJSON(new URL(p, manifestURL).href); });
          searcher.near = (form.dataset.near || '').split(' ').filter(Boolean);
          return searcher;
        }).catch(function (err) {
          console.warn('cpts search: ' + err.message);
          starting = null; // try again on the next keystroke
          return null;
        });
      }
      return starting;
    }

    function meta(r) {
      var parts = [];
      r.dept.split(' ').filter(Boolean).forEach(function (d) {
        var n = searcher.man.depts[d];
        parts.push(n ? n + ' (' + d + ')' : d);
      });
      if (r.kind === 'commune') {
        if (r.more) parts.push(r.more.split(' ').slice(0, 3).join(', ') + (r.more.split(' ').length > 3 ? '…' : ''));
        var incomplete = !r.cpts.length && searcher.man.incomplete && searcher.man.incomplete[r.dept];
        var cpts = r.cpts.map(function (n, i) {
          if (!r.profession) return n;
          return n + ' (' + (r.listed[i] ? text.profListed : text.profUnlisted).replace('%s', r.profession.toLowerCase()) + ')';
        });
        var outside = !r.cpts.length && r.url === searcher.man.elsewhere; // its département has no page
        parts.push(cpts.length ? cpts.join(', ') : incomplete ? text.noneIncomplete.replace('%s', incomplete.join(', ')) : outside ? text.outside : text.none);
      } else if (r.cpts.length) {
        parts.push(r.cpts.join(', '));
      }
      if (r.kind === 'mission' && r.more && key(r.more) !== key(r.name)) parts.unshift(r.more);
      return parts.join(' · ');
    }

    function span(cls, s) {
      var el = document.createElement('span');
      el.className = cls;
      el.textContent = s;
      return el;
    }

    function setActive(i) {
      var opts = list.children;
      if (active >= 0 && opts[active]) opts[active].setAttribute('aria-selected', 'false');
      active = i;
      if (i >= 0 && opts[i]) {
        opts[i].setAttribute('aria-selected', 'true');
        input.setAttribute('aria-activedescendant', opts[i].id);
        opts[i].scrollIntoView({ block: 'nearest' });
      } else {
        input.removeAttribute('aria-activedescendant');
      }
    }

    function open(yes) {
      list.hidden = !yes;
      input.setAttribute('aria-expanded', yes ? 'true' : 'false');
      if (!yes) setActive(-1);
    }

    function say(n) {
      clearTimeout(announce);
      var msg = n === 0 ? text.resultsZero : n === 1 ? text.resultsOne : text.resultsMany.replace('%d', String(n));
      announce = setTimeout(function () { status.textContent = msg; }, 400);
    }

    function render(query, rs, final) {
      results = rs;
      list.textContent = '';
      active = -1;
      input.removeAttribute('aria-activedescendant');
      rs.forEach(function (r, i) {
        var li = document.createElement('li');
        li.id = list.id + '-' + i;
        li.setAttribute('role', 'option');
        li.setAttribute('aria-selected', 'false');
        li.className = 'search-option';
        li.appendChild(span('search-kind', text['kind' + r.kind.charAt(0).toUpperCase() + r.kind.slice(1)] || r.kind));
        li.appendChild(span('search-name', r.name));
        var m = meta(r);
        if (m) li.appendChild(span('search-meta', m));
        list.appendChild(li);
      });
      open(rs.length > 0 && document.activeElement === input);
      var nothing = final && rs.length === 0 && words(query).join('').length >= 2;
      var profession = nothing && searcher !== null && words(query).some(function (w) { return searcher.professionOf(w) !== ''; });
      if (empty) empty.hidden = !nothing || (profession && professionEmpty !== null);
      if (professionEmpty) professionEmpty.hidden = !profession;
      if (final) say(rs.length);
      form.dispatchEvent(new CustomEvent('cpts-search', { detail: { query: query, count: rs.length, final: final } }));
    }

    function update() {
      var query = input.value;
      var mine = ++seq;
      if (words(query).join('').length < 2) {
        render(query, [], true);
        clearTimeout(announce);
        status.textContent = '';
        return;
      }
      start().then(function (s) {
        if (!s || mine !== seq) return null;
        // The shards of prose alone and the chunks of prose records wait
        // RECORDS_DELAY, once: a keystroke by then supersedes the query,
        // and they are not fetched.
        var waited = null;
        var gate = function () {
          if (!waited) waited = new Promise(function (resolve) { setTimeout(resolve, RECORDS_DELAY); });
          return waited.then(function () { return mine === seq; });
        };
        return s.search(query, function (first) { if (mine === seq) render(query, first, false); }, gate).then(function (rs) {
          if (rs && mine === seq) render(query, rs, true);
        });
      }).catch(function (err) { console.warn('cpts search: ' + err.message); });
    }

    function go(i) {
      var r = results[i];
      if (r) window.location.assign(new URL(r.url.replace(/^\//, ''), siteRoot).href);
    }

    // Enter or the button with no result chosen: the best match of what
    // was typed; the A-Z index only when nothing matches.
    form.addEventListener('submit', function (e) {
      var query = input.value;
      if (words(query).join('').length < 2) return;
      e.preventDefault();
      var mine = ++seq;
      start().then(function (s) { return s ? s.search(query) : []; }).then(function (rs) {
        if (mine !== seq) return;
        if (rs.length) { results = rs; go(0); } else form.submit();
      }).catch(function () { form.submit(); });
    });

    input.addEventListener('focus', function () { start(); if (results.length) open(true); });
    input.addEventListener('input', update);
    input.addEventListener('blur', function () { open(false); });
    input.addEventListener('keydown', function (e) {
      var n = results.length;
      var shown = !list.hidden;
      switch (e.key) {
        case 'ArrowDown':
          if (!n) return;
          e.preventDefault();
          if (!shown) { open(true); setActive(e.altKey ? -1 : 0); return; }
          setActive(active < n - 1 ? active + 1 : 0);
          return;
        case 'ArrowUp':
          if (!n) return;
          e.preventDefault();
          if (!shown) { open(true); setActive(n - 1); return; }
          setActive(active > 0 ? active - 1 : n - 1);
          return;
        case 'Home':
        case 'End':
          if (!shown || active < 0) return; // the caret moves in the text
          e.preventDefault();
          setActive(e.key === 'Home' ? 0 : n - 1);
          return;
        case 'Enter':
          if (shown && active >= 0) { e.preventDefault(); go(active); }
          return; // else the form is submitted: the best match
        case 'Escape':
          if (shown) { e.preventDefault(); open(false); return; }
          if (input.value) { e.preventDefault(); input.value = ''; update(); }
          return;
        case 'Tab':
          open(false);
      }
    });
    // Keep the focus in the input while the pointer picks an option.
    list.addEventListener('mousedown', function (e) { e.preventDefault(); });
    list.addEventListener('click', function (e) {
      var li = e.target.closest('[role="option"]');
      if (li) go(Array.prototype.indexOf.call(list.children, li));
    });
    if (input.value) update();
  }

  if (typeof module === 'object' && module && module.exports) {
    module.exports = api;
  } else if (typeof document !== 'undefined') {
    Array.prototype.forEach.call(document.querySelectorAll('form[data-index]'), init);
  }
})();
