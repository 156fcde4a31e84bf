// Live reload for `cpts serve`: reloads the page after each build and keeps
// the scroll position. Served only by the development server.
(function () {
  "use strict";
  var key = "cpts-scroll:" + location.pathname;
  var saved = sessionStorage.getItem(key);
  if (saved !== null) {
    sessionStorage.removeItem(key);
    window.addEventListener("load", function () { window.scrollTo(0, parseInt(saved, 10) || 0); });
  }
  var events = new EventSource("/__cpts/events");
  events.addEventListener("reload", function () {
    sessionStorage.setItem(key, String(window.scrollY));
    location.reload();
  });
})();
