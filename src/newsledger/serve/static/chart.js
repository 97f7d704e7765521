// Render every chart of the page: each is a Vega-Lite spec in a <script type="application/json"> block
// whose data-chart names the element to draw into. No inline script: the page's CSP forbids it.
(function () {
  "use strict";
  document.querySelectorAll('script[type="application/json"][data-chart]').forEach(function (block) {
    var target = document.getElementById(block.dataset.chart);
    if (!target) return;
    if (typeof window.vegaEmbed !== "function") {
      target.textContent = "The chart library is not installed (run `make install`); the table below holds every value.";
      target.className += " chart-missing";
      return;
    }
    var spec = JSON.parse(block.textContent);
    window.vegaEmbed(target, spec, { actions: false, renderer: "svg" }).then(function () {
      target.dataset.rendered = "true";
    }).catch(function (err) {
      target.textContent = "The chart could not be drawn: " + err;
    });
  });
})();
