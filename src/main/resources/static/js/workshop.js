// Keeps workshop pages current without a manual reload (they also work without this script):
// polls the page's state and reloads when the room moved on. A participant's half-entered vote is
// never thrown away: then the page asks for a reload instead of doing it.
(function () {
    'use strict';
    var main = document.querySelector('main[data-poll]');
    if (!main || !window.fetch) { return; }
    var url = main.getAttribute('data-state-url');
    var stamp = null;
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
            ? 'The facilitator has closed the workshop: votes are no longer taken. Thank you for taking part.'
            : 'The workshop has moved on. Send your entry, or reload the page to follow.';
        box.appendChild(text);
        main.insertBefore(box, main.firstChild);
    }

    // The page itself, fresh: not the answer to a form sent before (which would be sent again, or
    // say "your vote is in" about a dimension the room has not voted on yet).
    function follow() {
        var page = window.location.pathname.replace(/\/(vote|agree)$/, '');
        if (page === window.location.pathname && !window.location.search) {
            window.location.reload();
        } else {
            window.location.replace(page);
        }
    }

    function poll() {
        fetch(url, { headers: { 'Accept': 'application/json' }, credentials: 'same-origin' })
            .then(function (response) { return response.ok ? response.json() : null; })
            .then(function (state) {
                if (!state) { return; }
                if (stamp === null) { stamp = state.stamp; return; }
                if (state.stamp !== stamp) {
                    if (dirty) { notice(state.stamp === 'CLOSED'); } else { follow(); }
                    stamp = dirty ? state.stamp : stamp;
                }
            })
            .catch(function () { /* offline for a moment: try again at the next tick */ });
    }

    poll();
    window.setInterval(poll, 3000);
})();
