// Follows the open story: when the server says it has new coverage, the
// page's main part is fetched again and swapped in. Without JavaScript the
// page is complete; it only stays as it was loaded.
(function () {
  "use strict";
  var id = document.body.getAttribute("data-story");
  if (!id || !window.EventSource) return;
  var source = new EventSource("/story/" + encodeURIComponent(id) + "/live");
  source.addEventListener("update", function () {
    fetch(location.href, { headers: { Accept: "text/html" }, cache: "no-store" })
      .then(function (r) { return r.ok ? r.text() : Promise.reject(r.status); })
      .then(function (html) {
        var fresh = new DOMParser().parseFromString(html, "text/html").getElementById("main");
        var main = document.getElementById("main");
        if (!fresh || !main) return;
        main.replaceWith(fresh);
        var note = document.getElementById("live");
        if (note) {
          note.hidden = false;
          note.textContent = "Updated with new coverage at " + new Date().toLocaleTimeString();
        }
        document.body.setAttribute("data-updated", String(Date.now()));
      })
      .catch(function () {});
  });
})();
