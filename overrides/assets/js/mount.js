/* Rutineportalen: the one mount helper every widget uses (loaded first of our scripts, mkdocs.yml).

     rpMount(name, selector, setup)  a widget: setup(root) runs once for each element matching the
                                     selector, on this page and on every page Material shows later;
     rpMount.global(name, setup)     listeners on window or document (a keyboard shortcut, a warning
                                     before leaving): setup() runs once for the life of the document;
     rpMount.again()                 mount what is new; called on DOMContentLoaded and whenever
                                     Material's document$ says a new page is shown (instant navigation).

   A root that is mounted is remembered (a WeakSet per widget), so calling again() any number of times,
   or loading a widget's script twice, never adds a listener twice. A name is registered once: a second
   registration under the same name is ignored. An error in one widget is reported in the console and
   does not stop the others. */
(function () {
  "use strict";
  if (window.rpMount) return;

  var widgets = [];   // { name, selector, setup, mounted: WeakSet }
  var names = {};     // name -> true, widgets and globals alike
  var ready = false;  // the first DOMContentLoaded (or document$) has happened

  function report(name, error) {
    if (window.console && console.error) console.error("rpMount: " + name + ": ", error);
  }

  function mountWidget(widget) {
    var roots = document.querySelectorAll(widget.selector);
    for (var i = 0; i < roots.length; i++) {
      var root = roots[i];
      if (widget.mounted.has(root)) continue;
      widget.mounted.add(root);
      try { widget.setup(root); } catch (error) { report(widget.name, error); }
    }
  }

  function again() {
    ready = true;
    for (var i = 0; i < widgets.length; i++) mountWidget(widgets[i]);
  }

  function claim(name) {
    if (typeof name !== "string" || !name) throw new TypeError("rpMount: a widget needs a name");
    if (names[name] === true) return false;
    names[name] = true;
    return true;
  }

  function rpMount(name, selector, setup) {
    if (!claim(name)) return;
    var widget = { name: name, selector: selector, setup: setup, mounted: new WeakSet() };
    widgets.push(widget);
    if (ready) mountWidget(widget);
  }

  rpMount.global = function (name, setup) {
    if (!claim(name)) return;
    try { setup(); } catch (error) { report(name, error); }
  };

  rpMount.again = again;

  window.rpMount = rpMount;

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", again);
  else again();
  // Material's document$ emits for the first page (after DOMContentLoaded) and, with instant
  // navigation, for each page it swaps in. Our subscription is made once, here.
  if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(again);
})();
