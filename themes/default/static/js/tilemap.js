// Interactive map with background tiles, on CPTS pages, only when the site
// switches it on ([maps] tiles in config.toml): the tiles come from the
// host the site owner chose, which the Content-Security-Policy allows and a
// notice under the map names. The territory, read from the page's GeoJSON,
// is drawn over the tiles in Web Mercator. Buttons and the keyboard (arrows
// to move, + and - to zoom) work as well as dragging. Without JavaScript
// the SVG map of the page remains.
(function () {
  'use strict';
  var box = document.querySelector('[data-tilemap]');
  if (!box || !window.fetch) return;
  var TILE = 256, SVGNS = 'http://www.w3.org/2000/svg';
  var template = box.getAttribute('data-tiles');
  var rings = [], zoom = 10, cx = 0, cy = 0; // centre in world pixels at zoom

  function world(lon, lat, z) {
    var n = TILE * Math.pow(2, z), s = Math.sin(lat * Math.PI / 180);
    return [(lon + 180) / 360 * n, (0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI)) * n];
  }

  var view = document.createElement('div');
  view.className = 'tilemap-view';
  view.tabIndex = 0;
  view.setAttribute('role', 'group');
  view.setAttribute('aria-label', box.getAttribute('data-label'));
  var tiles = document.createElement('div');
  tiles.className = 'tilemap-tiles';
  var svg = document.createElementNS(SVGNS, 'svg');
  svg.setAttribute('class', 'tilemap-overlay');
  svg.setAttribute('aria-hidden', 'true');
  var path = document.createElementNS(SVGNS, 'path');
  svg.appendChild(path);
  view.appendChild(tiles);
  view.appendChild(svg);
  var controls = document.createElement('div');
  controls.className = 'tilemap-controls';
  function button(text, label, dz) {
    var b = document.createElement('button');
    b.type = 'button';
    b.textContent = text;
    b.setAttribute('aria-label', label);
    b.addEventListener('click', function () { zoomBy(dz); });
    controls.appendChild(b);
  }
  button('+', box.getAttribute('data-zoom-in'), 1);
  button('−', box.getAttribute('data-zoom-out'), -1);
  box.appendChild(view);
  box.appendChild(controls);

  function zoomBy(dz) {
    var z = Math.max(3, Math.min(18, zoom + dz)), k = Math.pow(2, z - zoom);
    cx *= k; cy *= k; zoom = z;
    draw();
  }

  function draw() {
    var w = view.clientWidth, h = view.clientHeight, n = Math.pow(2, zoom);
    var x0 = cx - w / 2, y0 = cy - h / 2;
    tiles.textContent = '';
    for (var tx = Math.floor(x0 / TILE); tx * TILE < x0 + w; tx++) {
      for (var ty = Math.max(0, Math.floor(y0 / TILE)); ty * TILE < y0 + h && ty < n; ty++) {
        var img = document.createElement('img');
        img.alt = '';
        img.width = img.height = TILE;
        img.src = template.replace('{z}', zoom).replace('{x}', ((tx % n) + n) % n).replace('{y}', ty);
        img.style.left = Math.round(tx * TILE - x0) + 'px';
        img.style.top = Math.round(ty * TILE - y0) + 'px';
        tiles.appendChild(img);
      }
    }
    var d = '';
    rings.forEach(function (r) {
      r.forEach(function (p, i) {
        var q = world(p[0], p[1], zoom);
        d += (i ? 'L' : 'M') + Math.round(q[0] - x0) + ' ' + Math.round(q[1] - y0);
      });
      d += 'Z';
    });
    path.setAttribute('d', d);
    svg.setAttribute('viewBox', '0 0 ' + w + ' ' + h);
  }

  function fit() {
    var lo = [Infinity, Infinity], hi = [-Infinity, -Infinity];
    rings.forEach(function (r) {
      r.forEach(function (p) {
        lo = [Math.min(lo[0], p[0]), Math.min(lo[1], p[1])];
        hi = [Math.max(hi[0], p[0]), Math.max(hi[1], p[1])];
      });
    });
    var w = view.clientWidth, h = view.clientHeight;
    for (zoom = 15; zoom > 3; zoom--) {
      var a = world(lo[0], hi[1], zoom), b = world(hi[0], lo[1], zoom);
      if (b[0] - a[0] < w * 0.9 && b[1] - a[1] < h * 0.9) break;
    }
    var c = world((lo[0] + hi[0]) / 2, (lo[1] + hi[1]) / 2, zoom);
    cx = c[0]; cy = c[1];
    draw();
  }

  var drag = null;
  view.addEventListener('pointerdown', function (e) {
    drag = [e.clientX, e.clientY];
    view.setPointerCapture(e.pointerId);
  });
  view.addEventListener('pointermove', function (e) {
    if (!drag) return;
    cx -= e.clientX - drag[0]; cy -= e.clientY - drag[1];
    drag = [e.clientX, e.clientY];
    draw();
  });
  view.addEventListener('pointerup', function () { drag = null; });
  view.addEventListener('keydown', function (e) {
    var step = 64, keys = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, -step], ArrowDown: [0, step] };
    if (keys[e.key]) { cx += keys[e.key][0]; cy += keys[e.key][1]; draw(); e.preventDefault(); }
    else if (e.key === '+' || e.key === '=') { zoomBy(1); e.preventDefault(); }
    else if (e.key === '-') { zoomBy(-1); e.preventDefault(); }
  });

  fetch(box.getAttribute('data-geojson'), { credentials: 'same-origin' }).then(function (r) {
    if (!r.ok) throw new Error(r.status);
    return r.json();
  }).then(function (fc) {
    fc.features.forEach(function (f) {
      if (f.geometry) f.geometry.coordinates.forEach(function (poly) { poly.forEach(function (r) { rings.push(r); }); });
    });
    if (!rings.length) return;
    box.hidden = false;
    fit();
  }).catch(function () { box.hidden = true; });
})();
