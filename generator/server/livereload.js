// Live reload for `cpts serve`: reloads the page after each build and keeps
// the scroll position, also through the error page of a failed build
// (marked data-cpts-error), which leaves the saved position to the page
// that comes back. Served only by the development server.
(function () {
  "use strict";
  var key = "cpts-scroll:" + location.pathname;
  // The browser would restore the position of the error page over ours.
  history.scrollRestoration = "manual";
  var errorPage = document.documentElement.hasAttribute("data-cpts-error");
  var saved = sessionStorage.getItem(key);
  if (saved !== null && !errorPage) {
    sessionStorage.removeItem(key);
    window.addEventListener("load", function () { window.scrollTo(0, parseInt(saved, 10) || 0); });
  }
  // The server renders the open pages first after an edit every page shows.
  var events = new EventSource("/__cpts/events?page=" + encodeURIComponent(location.pathname));
  events.addEventListener("reload", function () {
    if (!errorPage) {
      sessionStorage.setItem(key, String(window.scrollY));
    }
    location.reload();
  });
})();
