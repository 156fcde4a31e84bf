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

  var FORMAT_VERSION = 1;
  var MAX_RESULTS = 10;
  var MAX_TYPO_FILES = 4;
  var SHARD_ORDER = 1 << 20;
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

  function Writer() { this.out = ''; this.gap = false; }
  Writer.prototype.add = function (s) {
    if (this.gap && this.out.length > 0) this.out += ' ';
    this.gap = false;
    this.out += s;
  };
  // ascii folds one ASCII code.
  Writer.prototype.ascii = function (c) {
    if (c >= 65 && c <= 90) c += 32;
    else if (!((c >= 97 && c <= 122) || (c >= 48 && c <= 57))) { this.gap = true; return; }
    this.add(String.fromCharCode(c));
  };
  // latin folds a Latin-1 or Latin Extended-A rune or general punctuation,
  // and reports whether it did.
  Writer.prototype.latin = function (r) {
    if (r >= 0xc0 && r <= 0x17f) {
      var b = LATIN_BASE.charAt(r - 0xc0);
      if (b !== '_') this.add(b);
      else if (SPELL[r]) this.add(SPELL[r]);
      else this.gap = true;
      return true;
    }
    if (r >= 0x2000 && r <= 0x206f) { this.gap = true; return true; }
    return false;
  };

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
  // character a separator; as generator/fold.Fold.
  function fold(s) {
    if (isFolded(s)) return s;
    var w = new Writer();
    for (var ch of s) {
      var r = ch.codePointAt(0);
      if (r < 0x80) { w.ascii(r); continue; }
      if (!w.latin(r)) return foldNFD(s);
    }
    return w.out;
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

  // distance: 0, 1, or 2 for more than one edit (optimal string alignment).
  function distance(a, b) {
    if (a === b) return 0;
    if (Math.abs(a.length - b.length) > 1) return 2;
    var i = 0;
    while (i < a.length && i < b.length && a.charCodeAt(i) === b.charCodeAt(i)) i++;
    a = a.slice(i); b = b.slice(i);
    if (a.length === b.length) {
      if (a.slice(1) === b.slice(1)) return 1;
      if (a.length >= 2 && a[0] === b[1] && a[1] === b[0] && a.slice(2) === b.slice(2)) return 1;
    } else if (a.length === b.length + 1) {
      if (a.slice(1) === b) return 1;
    } else if (b.slice(1) === a) {
      return 1;
    }
    return 2;
  }

  function typoPrefix(q, w) {
    for (var n = q.length - 1; n <= q.length + 1; n++) {
      if (n >= 1 && n <= w.length && distance(q, w.slice(0, n)) <= 1) return true;
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
      case KIND.mission: addWords(out, rec[2]); addWords(out, rec[3]); break;
      case KIND.news: addWords(out, rec[2]); break;
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
      case KIND.mission: add(key(rec[2])); add(key(rec[3])); break;
      case KIND.news: add(key(rec[2])); break;
    }
    return out;
  }

  function refs(v) {
    if (typeof v === 'number') return v < 0 ? [] : [v];
    return Array.isArray(v) ? v : [];
  }

  function recordRefs(rec) {
    switch (rec[0]) {
      case KIND.commune: case KIND.mission: case KIND.news: return refs(rec[4]);
      case KIND.cpts: return refs(rec[1]);
      case KIND.profession: return refs(rec[3]);
    }
    return [];
  }

  /* ---- The index: search.Searcher ---- */

  // Searcher answers queries from the manifest; fetchShard(path) resolves
  // to a parsed shard, path being relative to the manifest's folder
  // ("s/lu.0123456789.json").
  function Searcher(manifest, fetchShard) {
    this.man = manifest;
    this.fetchShard = fetchShard;
    this.shards = new Map(); // path -> decoded shard
    this.loading = new Map(); // path -> Promise
  }

  Searcher.prototype.fileFor = function (t) {
    if (t.length < 2) return null;
    var split = this.man.split;
    var k = t.slice(0, 2);
    while (Object.prototype.hasOwnProperty.call(split, k) && k.length < t.length) k = t.slice(0, k.length + 1);
    if (Object.prototype.hasOwnProperty.call(split, k)) return { path: 's/' + k + '.' + split[k] + '.json', key: k, split: true };
    var r = this.man.ranges;
    var lo = 0, hi = r.length; // first range whose key is > k
    while (lo < hi) {
      var mid = (lo + hi) >> 1;
      if (r[mid][0] > k) hi = mid; else lo = mid + 1;
    }
    if (lo === 0) return null;
    return { path: 's/' + r[lo - 1][0] + '.' + r[lo - 1][1] + '.json', key: k, split: false };
  };

  Searcher.prototype.decode = function (raw) {
    var sh = { x: raw.x, recs: [], w: raw.w };
    var names = this.man.depts;
    raw.d.forEach(function (rec, i) {
      var rows = recordRefs(rec).map(function (n) { return raw.x[n]; });
      var kind = rec[0];
      sh.recs.push({
        rec: rec, kind: kind, pos: i, shard: sh, rows: rows,
        id: kind === KIND.mission || kind === KIND.news ? rec[1] : -1,
        words: recordWords(rec, rows, names), keys: recordKeys(rec, rows)
      });
    });
    return sh;
  };

  // load resolves to the decoded shard at path, fetched once.
  Searcher.prototype.load = function (path) {
    var self = this;
    if (this.shards.has(path)) return Promise.resolve(this.shards.get(path));
    if (!this.loading.has(path)) {
      this.loading.set(path, Promise.resolve(this.fetchShard(path)).then(function (raw) {
        var sh = self.decode(raw);
        self.shards.set(path, sh);
        return sh;
      }, function (err) { self.loading.delete(path); throw err; }));
    }
    return this.loading.get(path);
  };

  function isParticle(man, w) { return man.particles.indexOf(w) >= 0; }
  function isStopWord(man, w) { return man.stop.indexOf(w) >= 0; }

  Searcher.prototype.tokens = function (query) {
    var man = this.man;
    var ws = words(query);
    var req = [];
    ws.forEach(function (w) { if (!isParticle(man, w) && req.indexOf(w) < 0) req.push(w); });
    if (req.length === 0) ws.forEach(function (w) { if (req.indexOf(w) < 0) req.push(w); });
    return req;
  };

  var WORD = 0, PREFIX = 1, TYPO = 2, NONE = 3;

  function matchWords(man, q, ws) {
    var best = NONE;
    for (var i = 0; i < ws.length; i++) {
      var w = ws[i];
      if (w === q) return WORD;
      if (w.lastIndexOf(q, 0) === 0) best = Math.min(best, PREFIX);
      else if (best > TYPO && q.length >= man.typo && !isDigit(q) && (distance(q, w) <= 1 || typoPrefix(q, w))) best = TYPO;
    }
    return best;
  }

  // plan returns what a query needs: its words, the primary word and the
  // shard file it chooses; null when there is nothing to look up.
  Searcher.prototype.plan = function (query) {
    if (words(query).join('').length < 2) return null;
    var req = this.tokens(query);
    var primary = '', best = null, bestSplit = true, bestDepth = -1;
    for (var i = 0; i < req.length; i++) {
      var t = req[i];
      var f = this.fileFor(t);
      if (!f) continue;
      var depth = f.key.length;
      if (best === null || (bestSplit && !f.split) ||
          (bestSplit === f.split && (depth > bestDepth || (depth === bestDepth && t.length > primary.length)))) {
        primary = t; best = f.path; bestSplit = f.split; bestDepth = depth;
      }
    }
    if (best === null) return null;
    return { query: query, req: req, primary: primary, files: [best] };
  };

  // candidates lists the records of the loaded shard files, and the prose
  // records of the shard of the primary word's stem.
  Searcher.prototype.candidates = function (plan, files) {
    var self = this, cands = [];
    files.forEach(function (f, i) {
      self.shards.get(f).recs.forEach(function (r) {
        cands.push({ r: r, order: r.id >= 0 ? r.id : i * SHARD_ORDER + r.pos });
      });
    });
    var sf = isDigit(plan.primary) ? null : this.fileFor(stem(plan.primary));
    if (sf && files.indexOf(sf.path) < 0) {
      this.shards.get(sf.path).recs.forEach(function (r) {
        if (r.id >= 0) cands.push({ r: r, order: r.id });
      });
    }
    return cands;
  };

  // needs lists the shard files a match over files needs and are not
  // loaded: the files, the shard of the primary word's stem, and the
  // shards of the stems of words some prose record does not match by name.
  Searcher.prototype.needs = function (plan, files) {
    var self = this, out = [];
    function need(p) { if (p && !self.shards.has(p) && out.indexOf(p) < 0) out.push(p); }
    files.forEach(need);
    if (!isDigit(plan.primary)) { var sf = this.fileFor(stem(plan.primary)); need(sf && sf.path); }
    if (out.length) return out;
    var cands = this.candidates(plan, files);
    plan.req.forEach(function (t) {
      if (isDigit(t)) return;
      var f = self.fileFor(stem(t));
      if (!f || self.shards.has(f.path)) return;
      for (var i = 0; i < cands.length; i++) {
        var r = cands[i].r;
        if (r.id >= 0 && matchWords(self.man, t, r.words) === NONE) { need(f.path); return; }
      }
    });
    return out;
  };

  Searcher.prototype.matchProse = function (t, r) {
    var s = stem(t);
    var f = this.fileFor(s);
    if (!f) return NONE;
    var sh = this.shards.get(f.path);
    if (!sh) return NONE;
    var best = NONE;
    for (var i = 0; i < sh.w.length; i++) {
      var p = sh.w[i];
      var m = matchWords(this.man, s, [p[0]]);
      if (m >= best) continue;
      for (var j = 0; j < p[1].length; j++) {
        if (sh.recs[p[1][j]].id === r.id) { best = m; break; }
      }
    }
    return best;
  };

  // match ranks the records that match every word; every file it needs
  // must be loaded.
  Searcher.prototype.match = function (plan, files) {
    var self = this, man = this.man;
    var qkey = key(plan.query);
    var hits = [], seen = new Set();
    this.candidates(plan, files).forEach(function (c) {
      var r = c.r;
      if (r.id >= 0) {
        if (seen.has(r.id)) return;
        seen.add(r.id);
      }
      var h = { r: r, order: c.order, exact: false, typos: 0, prefixes: 0 };
      for (var i = 0; i < plan.req.length; i++) {
        var t = plan.req[i];
        var m = matchWords(man, t, r.words);
        if (m === NONE && r.id >= 0) {
          if (isStopWord(man, t)) continue;
          m = self.matchProse(t, r);
        }
        if (m === NONE) return;
        if (m === PREFIX) h.prefixes++;
        if (m === TYPO) h.typos++;
      }
      h.exact = r.keys.indexOf(qkey) >= 0;
      hits.push(h);
    });
    hits.sort(function (a, b) {
      if (a.exact !== b.exact) return a.exact ? -1 : 1;
      if (a.typos !== b.typos) return a.typos - b.typos;
      if (a.prefixes !== b.prefixes) return a.prefixes - b.prefixes;
      if (a.r.kind !== b.r.kind) return a.r.kind - b.r.kind;
      return a.order - b.order;
    });
    return hits;
  };

  // typoFiles: the shard files a typo in the first letters of t may have
  // missed; as search.typoFiles.
  Searcher.prototype.typoFiles = function (t, used) {
    if (t.length < this.man.typo || isDigit(t)) return [];
    var files = [];
    for (var j = 0; j < 4 && j < t.length - 1; j++) {
      var variants = [
        t.slice(0, j) + t.slice(j + 1),
        t.slice(0, j + 1) + t.slice(j),
        t.slice(0, j) + t.charAt(j + 1) + t.charAt(j) + t.slice(j + 2)
      ];
      for (var k = 0; k < variants.length; k++) {
        var f = this.fileFor(variants[k]);
        if (f && f.path !== used && files.indexOf(f.path) < 0 && files.length < MAX_TYPO_FILES) files.push(f.path);
      }
    }
    return files;
  };

  // loadAll loads the files a match needs, round after round.
  Searcher.prototype.loadAll = function (plan, files) {
    var self = this;
    var need = this.needs(plan, files);
    if (need.length === 0) return Promise.resolve();
    return Promise.all(need.map(function (p) { return self.load(p); })).then(function () {
      return self.loadAll(plan, files);
    });
  };

  // search resolves to the results of a query. onFirst, if given, is
  // called with the first results as soon as the shard of the primary
  // word is in, when prose records still wait for other shards.
  Searcher.prototype.search = function (query, onFirst) {
    var self = this;
    var plan = this.plan(query);
    if (!plan) return Promise.resolve([]);
    var files = plan.files;
    var first = Promise.all(files.map(function (p) { return self.load(p); }));
    return first.then(function () {
      if (onFirst && self.needs(plan, files).length > 0) {
        var sf = isDigit(plan.primary) ? null : self.fileFor(stem(plan.primary));
        if (!sf || self.shards.has(sf.path)) onFirst(self.results(self.match(plan, files)));
      }
      return self.loadAll(plan, files);
    }).then(function () {
      var hits = self.match(plan, files);
      if (hits.length > 0) return hits;
      var more = self.typoFiles(plan.primary, files[0]);
      if (more.length === 0) return hits;
      return self.loadAll(plan, more).then(function () { return self.match(plan, more); });
    }).then(function (hits) { return self.results(hits); });
  };

  Searcher.prototype.results = function (hits) {
    var out = [];
    for (var i = 0; i < hits.length && out.length < MAX_RESULTS; i++) {
      out = out.concat(resultsOf(hits[i].r));
    }
    return out.slice(0, MAX_RESULTS);
  };

  // resultsOf turns a record into result lines; as Searcher.results in Go.
  function resultsOf(r) {
    var rec = r.rec, rows = r.rows;
    var kind = KIND_NAMES[r.kind];
    function names() { return rows.map(function (x) { return x[1]; }); }
    switch (r.kind) {
      case KIND.commune:
        return [{ id: 'commune:' + rec[1], kind: kind, name: rec[2], url: rec.length > 5 ? rec[5] : '/communes/' + rec[1] + '/',
          dept: deptOf(rec[1]), cpts: names(), more: rec[3] }];
      case KIND.departement:
        return [{ id: 'departement:' + rec[1], kind: kind, name: rec[2], url: rec[3], dept: rec[1], cpts: [], more: '' }];
      case KIND.region:
        return [{ id: 'region:' + rec[1], kind: kind, name: rec[2], url: rec[3], dept: '', cpts: [], more: '' }];
      case KIND.cpts:
        return [{ id: 'cpts:' + rows[0][0], kind: kind, name: rows[0][1], url: '/cpts/' + rows[0][0] + '/', dept: rows[0][4], cpts: [], more: '' }];
      case KIND.profession:
        return rows.map(function (x) {
          return { id: 'profession:' + rec[1] + '@' + x[0], kind: kind, name: rec[2], url: '/cpts/' + x[0] + '/#membres',
            dept: x[4], cpts: [x[1]], more: '' };
        });
      case KIND.mission:
        return [{ id: 'mission:' + rows[0][0] + ':' + key(rec[2]).replace(/ /g, '-'), kind: kind, name: rec[2],
          url: '/cpts/' + rows[0][0] + '/#missions', dept: rows[0][4], cpts: [rows[0][1]], more: rec[3] }];
      case KIND.news:
        return [{ id: 'news:' + rec[3], kind: kind, name: rec[2], url: rec[3], dept: rows.length ? rows[0][4] : '',
          cpts: rows.length ? [rows[0][1]] : [], more: '' }];
    }
    return [];
  }

  var api = {
    FORMAT_VERSION: FORMAT_VERSION, MAX_RESULTS: MAX_RESULTS,
    fold: fold, key: key, words: words, stem: stem, distance: distance, deptOf: deptOf, Searcher: Searcher
  };

  /* ---- The combobox ---- */

  function init(form) {
    var input = form.querySelector('input[type="search"]');
    var list = form.querySelector('[role="listbox"]');
    var status = form.querySelector('[role="status"]');
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
          return searcher;
        }).catch(function (err) {
          console.warn('cpts search: ' + err.message);
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
        parts.push(r.cpts.length ? r.cpts.join(', ') : text.none);
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
      var msg = n === 0 ? text.zero : n === 1 ? text.one : text.many.replace('%d', String(n));
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
        return s.search(query, function (first) { if (mine === seq) render(query, first, false); }).then(function (rs) {
          if (mine === seq) render(query, rs, true);
        });
      }).catch(function (err) { console.warn('cpts search: ' + err.message); });
    }

    function go(i) {
      var r = results[i];
      if (r) window.location.assign(new URL(r.url.replace(/^\//, ''), siteRoot).href);
    }

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
          return; // else the form goes to the A-Z index
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
