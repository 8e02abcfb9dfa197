// Keeps workshop pages live without a manual reload (they also work without this script, with a
// refresh): the page follows its workshop's server-sent events. Counts (who joined, how many voted)
// are updated in place; when the room moves on (a reveal, an agreement, another dimension, the
// close) the page is loaded afresh. A participant's half-entered vote is never thrown away: then the
// page says what happened instead. If the stream drops, the browser reconnects and the page catches
// up. Browsers without server-sent events poll the page's state instead.
(function () {
    'use strict';
    var main = document.querySelector('main[data-poll]');
    if (!main || !window.fetch) { return; }
    var dirty = false;
    var form = document.querySelector('form.vote-form, form.agree-form');
    if (form) {
        form.addEventListener('input', function () { dirty = true; });
        form.addEventListener('change', function () { dirty = true; });
        form.addEventListener('submit', function () { dirty = false; });
    }

    function notice(closed) {
        var shown = document.getElementById('moved-on');
        if (shown && !closed) { return; }
        if (shown) { shown.parentNode.removeChild(shown); }
        var box = document.createElement('div');
        box.id = 'moved-on';
        box.className = 'flash info';
        box.setAttribute('role', 'status');
        var text = document.createElement('p');
        text.textContent = closed
            ? main.getAttribute('data-closed-text') || 'The workshop has closed.'
            : main.getAttribute('data-moved-text') || 'The workshop has moved on. Reload the page to follow.';
        box.appendChild(text);
        main.insertBefore(box, main.firstChild);
    }

    // The page itself, fresh: not the answer to a form sent before (which would be sent again, or
    // say "your vote is in" about a dimension the room has not voted on yet).
    function pagePath() {
        return window.location.pathname.replace(/\/(vote|agree)$/, '');
    }

    function follow() {
        var page = pagePath();
        if (page === window.location.pathname && !window.location.search) {
            window.location.reload();
        } else {
            window.location.replace(page + (window.location.search.indexOf('join') >= 0 ? '?join' : ''));
        }
    }

    function movedOn(closed) {
        if (dirty) { notice(closed); } else { follow(); }
    }

    // Counts change often: only the parts marked data-live-part are fetched and swapped, at most
    // twice a second. Pages without such parts (the participants') ignore counts altogether.
    var parts = document.querySelectorAll('[data-live-part]').length > 0;
    var refreshing = false;
    var again = false;
    function refreshParts() {
        if (!parts) { return; }
        if (refreshing) { again = true; return; }
        refreshing = true;
        fetch(pagePath() + window.location.search, { credentials: 'same-origin' })
            .then(function (response) { return response.ok ? response.text() : null; })
            .then(function (html) {
                if (html) {
                    var fresh = new DOMParser().parseFromString(html, 'text/html');
                    document.querySelectorAll('[data-live-part]').forEach(function (part) {
                        var replacement = fresh.getElementById(part.id);
                        if (replacement) { part.replaceWith(document.importNode(replacement, true)); }
                    });
                }
            })
            .catch(function () { /* the next event tries again */ })
            .then(function () {
                window.setTimeout(function () {
                    refreshing = false;
                    if (again) { again = false; refreshParts(); }
                }, 500);
            });
    }

    // The page's state stamp: after a dropped stream the page reloads only if the room moved meanwhile.
    var stateUrl = main.getAttribute('data-state-url');
    function stamp() {
        return fetch(stateUrl, { headers: { 'Accept': 'application/json' }, credentials: 'same-origin' })
            .then(function (response) { return response.ok ? response.json().then(function (s) { return s.stamp; }) : 'GONE'; });
    }

    var eventsUrl = main.getAttribute('data-events-url');
    if (eventsUrl && window.EventSource) {
        var seen = null;
        stamp().then(function (value) { seen = value; }).catch(function () {});
        var lost = false;
        var listen = function (stream) {
            stream.addEventListener('ready', function () {
                if (!lost) { return; }
                lost = false;
                stamp().then(function (now) {
                    if (seen === null || now !== seen) { movedOn(now === 'CLOSED' || now === 'GONE'); }
                    else { refreshParts(); }
                }).catch(function () {});
            });
            ['joined', 'voted'].forEach(function (name) { stream.addEventListener(name, refreshParts); });
            ['revealed', 'agreed', 'moved'].forEach(function (name) {
                stream.addEventListener(name, function () { movedOn(false); });
            });
            stream.addEventListener('closed', function () { stream.close(); movedOn(true); });
            stream.onerror = function () {
                lost = true;
                if (stream.readyState === EventSource.CLOSED) {
                    // Refused: the workshop closed, or the server was briefly away (a restart, a deploy).
                    stamp().then(function (now) {
                        if (now === 'CLOSED' || now === 'GONE') { movedOn(true); }
                        else { window.setTimeout(function () { listen(new EventSource(eventsUrl)); }, 3000); }
                    }).catch(function () {
                        window.setTimeout(function () { listen(new EventSource(eventsUrl)); }, 5000);
                    });
                }
            };
        };
        listen(new EventSource(eventsUrl));
        return;
    }

    var last = null;
    function poll() {
        fetch(stateUrl, { headers: { 'Accept': 'application/json' }, credentials: 'same-origin' })
            .then(function (response) { return response.ok ? response.json() : null; })
            .then(function (state) {
                if (!state) { return; }
                if (last === null) { last = state.stamp; return; }
                if (state.stamp !== last) {
                    movedOn(state.stamp === 'CLOSED');
                    last = dirty ? state.stamp : last;
                }
            })
            .catch(function () { /* offline for a moment: try again at the next tick */ });
    }
    poll();
    window.setInterval(poll, 3000);
})();
