// "Trouver ma CPTS" by location: asks the browser for the position, finds
// the commune containing it in the location files of the site
// (/localisation/, written by cpts build: see generator/carto/locate.go)
// and shows the CPTS covering it. The position never leaves the browser:
// only the file of the département whose box holds it is downloaded.
// Without JavaScript or geolocation the block stays hidden; the search
// form and the A-Z index of communes do the same job.
(function () {
  'use strict';
  var box = document.querySelector('[data-locate]');
  if (!box || !navigator.geolocation || !window.fetch || !window.Promise) return;
  var button = box.querySelector('button');
  var out = box.querySelector('[role=status]');
  var msg = function (k) { return box.getAttribute('data-msg-' + k) || ''; };
  box.hidden = false;

  function getJSON(url) {
    return fetch(url, { credentials: 'same-origin' }).then(function (r) {
      if (!r.ok) throw new Error(url + ': ' + r.status);
      return r.json();
    });
  }

  // inside tells whether a point is in a commune: even-odd rule over all
  // its rings, each [x0, y0, dx1, dy1, ...] in 1e-4 degree.
  function inside(rings, x, y) {
    var odd = false;
    for (var i = 0; i < rings.length; i++) {
      var r = rings[i], px = 0, py = 0, xs = [], ys = [];
      for (var j = 0; j < r.length; j += 2) {
        px += r[j]; py += r[j + 1];
        xs.push(px); ys.push(py);
      }
      for (var a = 0, b = xs.length - 1; a < xs.length; b = a++) {
        if ((ys[a] > y) !== (ys[b] > y) &&
            x < (xs[b] - xs[a]) * (y - ys[a]) / (ys[b] - ys[a]) + xs[a]) {
          odd = !odd;
        }
      }
    }
    return odd;
  }

  // find returns the commune containing the point, or else the one whose
  // interior point is nearest (exact: false), from the loaded files.
  function find(files, x, y) {
    var best = null, bestD = Infinity, k = Math.cos(y / 1e4 * Math.PI / 180);
    for (var f = 0; f < files.length; f++) {
      var cs = files[f].c;
      for (var i = 0; i < cs.length; i++) {
        var c = cs[i];
        if (inside(c[5], x, y)) return { file: files[f], c: c, exact: true };
        var dx = (c[4][0] - x) * k, dy = c[4][1] - y, d = dx * dx + dy * dy;
        if (d < bestD) { bestD = d; best = { file: files[f], c: c, exact: false }; }
      }
    }
    return best;
  }

  function locate(lon, lat) {
    var x = Math.round(lon * 1e4), y = Math.round(lat * 1e4), margin = 100;
    return getJSON(box.getAttribute('data-index')).then(function (index) {
      var deps = index.d.filter(function (d) {
        return x >= d[1] - margin && x <= d[3] + margin && y >= d[2] - margin && y <= d[4] + margin;
      });
      return Promise.all(deps.map(function (d) {
        return getJSON(box.getAttribute('data-base') + d[0] + '.json');
      })).then(function (files) { return find(files, x, y); });
    });
  }

  function link(text, href) {
    var a = document.createElement('a');
    a.href = href;
    a.textContent = text;
    return a;
  }

  function show(hit) {
    out.textContent = '';
    if (!hit) { out.textContent = msg('outside'); return; }
    var c = hit.c, p = document.createElement('p');
    p.textContent = (hit.exact ? msg('found') : msg('near')).replace('%s', c[1]);
    out.appendChild(p);
    if (c[3].length) {
      var ul = document.createElement('ul');
      c[3].forEach(function (k) {
        var li = document.createElement('li');
        li.appendChild(link(hit.file.k[k][0], hit.file.k[k][1]));
        ul.appendChild(li);
      });
      out.appendChild(ul);
    } else {
      var none = document.createElement('p');
      none.textContent = msg('none');
      out.appendChild(none);
    }
    if (c[2]) {
      var more = document.createElement('p');
      more.appendChild(link(msg('commune').replace('%s', c[1]), c[2]));
      out.appendChild(more);
    }
  }

  button.addEventListener('click', function () {
    button.disabled = true;
    out.textContent = msg('wait');
    var done = function () { button.disabled = false; };
    navigator.geolocation.getCurrentPosition(function (pos) {
      locate(pos.coords.longitude, pos.coords.latitude).then(show, function () {
        out.textContent = msg('error');
      }).then(done, done);
    }, function (err) {
      out.textContent = err && err.code === 1 ? msg('denied') : msg('unavailable');
      done();
    }, { enableHighAccuracy: false, timeout: 20000, maximumAge: 600000 });
  });
})();
