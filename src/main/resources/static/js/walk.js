// Enhances a walk step; the page works without it.
// - Keeps what is typed in this browser until it is saved, so a closed tab, a crash or an expired
//   session does not lose it, and offers it back when the step is opened again.
// - Warns before leaving the page with unsaved changes.
// - Counts the characters left in the notes.
(function () {
    'use strict';
    var form = document.querySelector('form[data-draft-key]');
    if (!form) { return; }
    var key = 'mpem-draft-' + form.getAttribute('data-draft-key');
    var storage;
    try { storage = window.localStorage; } catch (e) { storage = null; }

    function snapshot() {
        var data = {};
        ['current', 'target'].forEach(function (name) {
            var checked = form.querySelector('input[name="' + name + '"]:checked');
            data[name] = checked ? checked.value : '';
        });
        var notes = form.querySelector('textarea[name="notes"]');
        data.notes = notes ? notes.value : '';
        return data;
    }

    function same(a, b) {
        return a.current === b.current && a.target === b.target && a.notes.trim() === b.notes.trim();
    }

    function apply(data) {
        ['current', 'target'].forEach(function (name) {
            var input = form.querySelector('input[name="' + name + '"][value="' + data[name] + '"]');
            if (input) { input.checked = true; }
        });
        var notes = form.querySelector('textarea[name="notes"]');
        if (notes && typeof data.notes === 'string') { notes.value = data.notes; }
    }

    var loaded = snapshot();
    var dirty = false;
    var submitting = false;

    if (storage && !form.querySelector('fieldset[disabled]')) {
        var saved = null;
        try { saved = JSON.parse(storage.getItem(key)); } catch (e) { saved = null; }
        if (saved && !same(saved, loaded)) {
            var notice = document.createElement('div');
            notice.className = 'flash warning draft-restored';
            notice.setAttribute('role', 'status');
            var text = document.createElement('p');
            text.textContent = 'This browser kept an entry for this step that was never saved. It is shown below; '
                + 'save it, or discard it to see what is stored.';
            var discard = document.createElement('button');
            discard.type = 'button';
            discard.className = 'secondary';
            discard.textContent = 'Discard the unsaved entry';
            discard.addEventListener('click', function () {
                storage.removeItem(key);
                apply(loaded);
                dirty = false;
                notice.remove();
            });
            notice.appendChild(text);
            notice.appendChild(discard);
            form.insertBefore(notice, form.firstChild);
            apply(saved);
            dirty = true;
        } else if (saved) {
            storage.removeItem(key);
        }
    }

    // A page sent back after a refused save (a conflict or an invalid entry) shows input that is not stored.
    if (document.getElementById('stale') || form.querySelector('#error-summary')) {
        dirty = true;
        if (storage) { storage.setItem(key, JSON.stringify(loaded)); }
    }

    function remember() {
        var now = snapshot();
        dirty = !same(now, loaded);
        if (!storage) { return; }
        if (dirty) { storage.setItem(key, JSON.stringify(now)); } else { storage.removeItem(key); }
    }

    form.addEventListener('input', remember);
    form.addEventListener('change', remember);
    form.addEventListener('submit', function () { submitting = true; });
    window.addEventListener('beforeunload', function (event) {
        if (dirty && !submitting) {
            event.preventDefault();
            event.returnValue = '';
        }
    });

    // A page shown after a successful save no longer needs the kept entry: the server has it.
    if (document.querySelector('.flash.success') && storage && same(snapshot(), loaded)) {
        storage.removeItem(key);
    }

    var notes = form.querySelector('textarea[data-counter]');
    if (notes) {
        var max = parseInt(notes.getAttribute('data-counter'), 10);
        var counter = document.createElement('p');
        counter.className = 'char-count';
        counter.setAttribute('aria-live', 'polite');
        var update = function () {
            var left = max - notes.value.length;
            counter.textContent = left + ' characters left';
        };
        notes.parentNode.insertBefore(counter, notes.nextSibling);
        notes.addEventListener('input', update);
        update();
    }
})();
