// Job Tracker tab: refreshes the jobs table every few seconds, but only while the tab is on screen.
// It clicks the tab's own Refresh button, so the refresh runs the table query with whatever filter,
// search, page and page size the user has set, through Gradio's event (and --gradio-auth); the job
// detail is not an output of that event, so the selection stays.
(function () {
    "use strict";

    const intervalMs = Number(window.jobTrackerRefreshMs) > 0 ? Number(window.jobTrackerRefreshMs) : 5000;

    function app() {
        // A1111 and Forge define gradioApp() (the Gradio root, possibly a shadow root).
        return typeof window.gradioApp === "function" ? window.gradioApp() : document;
    }

    function isOnScreen(element) {
        return Boolean(element) && element.getClientRects().length > 0
            && window.getComputedStyle(element).visibility !== "hidden";
    }

    function refreshButton(root) {
        const element = root.querySelector("#jt_refresh");
        if (!element) {
            return null;
        }
        return element.tagName === "BUTTON" ? element : element.querySelector("button");
    }

    function userIsTyping(root) {
        // A refresh while typing a search would run it with half a word.
        const focused = root.activeElement || document.activeElement;
        const search = root.querySelector("#jt_search");
        return Boolean(search && focused && search.contains(focused));
    }

    function tick() {
        if (document.visibilityState !== "visible") {
            return false;
        }
        const root = app();
        if (!root || !isOnScreen(root.querySelector("#tab_job_tracker")) || userIsTyping(root)) {
            return false;
        }
        const button = refreshButton(root);
        if (!button || button.disabled) {
            return false;
        }
        button.click();
        return true;
    }

    window.jobTrackerAutoRefresh = { intervalMs: intervalMs, tick: tick };
    window.setInterval(tick, intervalMs);
})();
