/* Live updates for the registry's pages, without a library. A page whose <main> names an updates
   stream (data-live-updates) listens to it; on a "changed" event it fetches the same address again
   and puts the new page's main content in place of the old, keeping focus, the fields a person is
   editing and the scroll position, and says so in a polite live region. Without JavaScript, or
   without EventSource, the page stays as it was served. */
(function () {
  'use strict';

  var script = document.currentScript;
  var FOCUSABLE = 'a[href], button, input, select, textarea, [tabindex]';

  function start() {
    var main = document.querySelector('main[data-live-updates]');
    if (!main || !window.EventSource || !window.fetch || !window.DOMParser) {
      return;
    }
    var message = (script && script.getAttribute('data-updated')) || 'Updated with new facts';
    var region = document.createElement('div');
    region.className = 'live-status';
    region.setAttribute('role', 'status');
    region.setAttribute('aria-live', 'polite');
    main.parentNode.insertBefore(region, main);

    var busy = false;
    var again = false;
    var source = new EventSource(main.getAttribute('data-live-updates'));
    source.addEventListener('open', function () {
      main.setAttribute('data-live-state', 'open');
    });
    source.addEventListener('error', function () {
      main.setAttribute('data-live-state', source.readyState === 2 ? 'closed' : 'connecting');
    });
    source.addEventListener('changed', refresh);

    /* One fetch at a time; changes arriving meanwhile make one more. */
    function refresh() {
      if (busy) {
        again = true;
        return;
      }
      busy = true;
      var address = window.location.href;
      fetch(address, {credentials: 'same-origin', headers: {Accept: 'text/html'}})
        .then(function (response) {
          // A session that ended leads to the sign-in page: keep the page as it is.
          if (!response.ok || response.redirected) {
            throw new Error('not updated: ' + response.status);
          }
          return response.text();
        })
        .then(function (html) {
          var page = new DOMParser().parseFromString(html, 'text/html');
          var fresh = page.querySelector('main');
          if (fresh && window.location.href === address) {
            swap(main, fresh);
            if (page.title) {
              document.title = page.title;
            }
            announce();
          }
        })
        .catch(function () {})
        .then(function () {
          busy = false;
          if (again) {
            again = false;
            refresh();
          }
        });
    }

    function announce() {
      region.textContent = '';
      // A new text, not the same node's old one, is what screen readers announce.
      window.setTimeout(function () {
        region.textContent = message;
      }, 100);
    }
  }

  /* Replaces the content of main with the fresh page's, as a person would want to keep reading. */
  function swap(main, fresh) {
    var x = window.scrollX;
    var y = window.scrollY;
    var active = document.activeElement;
    var focus = active && active !== main && main.contains(active) ? where(main, active) : null;
    var edited = editedFields(main);

    var nodes = [];
    for (var child = fresh.firstChild; child; child = child.nextSibling) {
      nodes.push(document.importNode(child, true));
    }
    while (main.firstChild) {
      main.removeChild(main.firstChild);
    }
    nodes.forEach(function (node) {
      main.appendChild(node);
    });

    Object.keys(edited).forEach(function (id) {
      var field = document.getElementById(id);
      if (field && main.contains(field)) {
        field.value = edited[id];
      }
    });
    if (focus) {
      var target = find(main, focus);
      if (target) {
        target.focus({preventScroll: true});
        if (focus.selection && typeof target.setSelectionRange === 'function') {
          try {
            target.setSelectionRange(focus.selection[0], focus.selection[1]);
          } catch (ignored) {
            // not a field with a text selection
          }
        }
      } else {
        // What had the focus is gone: keep it in the main content rather than losing it.
        main.setAttribute('tabindex', '-1');
        main.focus({preventScroll: true});
      }
    }
    window.scrollTo(x, y);
  }

  /* The values of the fields a person changed and has not sent yet, by id. */
  function editedFields(main) {
    var edited = {};
    Array.prototype.forEach.call(main.querySelectorAll('input[id], select[id], textarea[id]'),
      function (field) {
        var changed = field.tagName === 'SELECT'
          ? Array.prototype.some.call(field.options, function (o) {
              return o.selected !== o.defaultSelected;
            })
          : field.value !== field.defaultValue;
        if (changed) {
          edited[field.id] = field.value;
        }
      });
    return edited;
  }

  /* How to find the focused element again: by its id, or by its place and its words. */
  function where(main, element) {
    var selection = null;
    try {
      if (typeof element.selectionStart === 'number') {
        selection = [element.selectionStart, element.selectionEnd];
      }
    } catch (ignored) {
      // fields without a text selection throw
    }
    var all = Array.prototype.slice.call(main.querySelectorAll(FOCUSABLE));
    return {
      id: element.id,
      index: all.indexOf(element),
      text: element.textContent,
      selection: selection
    };
  }

  function find(main, focus) {
    if (focus.id) {
      var byId = document.getElementById(focus.id);
      if (byId && main.contains(byId)) {
        return byId;
      }
    }
    var all = Array.prototype.slice.call(main.querySelectorAll(FOCUSABLE));
    var same = all.filter(function (e) {
      return e.textContent === focus.text;
    });
    if (same.length === 1) {
      return same[0];
    }
    var atPlace = all[focus.index];
    return atPlace && atPlace.textContent === focus.text ? atPlace : null;
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
