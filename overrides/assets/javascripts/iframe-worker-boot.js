/* Runs first inside the hidden iframe that iframe-worker-shim.js makes: gives the worker script
   the worker globals it expects (postMessage to the page, importScripts). Adapted from
   iframe-worker 1.0.4 (MIT licence, see iframe-worker-shim.js). */
(function () {
  "use strict";
  var worker = document.currentScript.getAttribute("data-worker");
  window.postMessage = function (data, origin) {
    parent.postMessage(data, origin || "*");
  };
  window.importScripts = function () {
    return Array.prototype.slice.call(arguments).reduce(function (done, url) {
      return done.then(function () {
        return new Promise(function (resolve) {
          var script = document.createElement("script");
          script.src = url;
          script.onload = resolve;
          document.body.appendChild(script);
        });
      });
    }, Promise.resolve());
  };
  window.addEventListener("error", function (event) {
    parent.dispatchEvent(new ErrorEvent("error", { filename: worker, error: event.error }));
  });
})();
