// The presentation's keys, for a keyboard or a presenter's clicker (which sends PageUp / PageDown):
// each presses one of the page's own forms or links, so everything also works by clicking.
(function () {
    'use strict';
    var main = document.querySelector('main.presentation');
    if (!main) { return; }

    function press(id) {
        var form = document.getElementById(id);
        if (form) { form.submit(); }
    }

    function toggle(id) {
        var box = document.getElementById(id);
        if (!box) { return; }
        box.hidden = !box.hidden;
        if (!box.hidden) {
            var first = box.querySelector('input:checked, input, button');
            if (first) { first.focus(); }
        }
    }

    document.addEventListener('keydown', function (event) {
        if (event.altKey || event.ctrlKey || event.metaKey) { return; }
        var typing = event.target && (event.target.tagName === 'INPUT' || event.target.tagName === 'TEXTAREA');
        if (typing && event.key !== 'Escape') { return; }
        switch (event.key) {
            case 'ArrowRight': case 'PageDown': press('control-next'); break;
            case 'ArrowLeft': case 'PageUp': press('control-previous'); break;
            case 'r': case 'R': press('control-reveal'); break;
            case 'a': case 'A': toggle('agree'); break;
            case '?': toggle('keys'); break;
            case 'j': case 'J': {
                var link = document.querySelector('.present-controls a[href*="/present"]');
                if (link) { window.location.assign(link.href); }
                break;
            }
            case 'f': case 'F':
                if (document.fullscreenElement) { document.exitFullscreen(); }
                else if (document.documentElement.requestFullscreen) { document.documentElement.requestFullscreen(); }
                break;
            case 'Escape':
                ['agree', 'keys'].forEach(function (id) {
                    var box = document.getElementById(id);
                    if (box) { box.hidden = true; }
                });
                break;
            default: return;
        }
        event.preventDefault();
    });
})();
