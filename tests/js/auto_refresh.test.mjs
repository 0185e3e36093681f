// Loads javascript/job_tracker.js into pages shaped like A1111's (Gradio 3.41) and Forge's (Gradio 4)
// in headless Chromium, and checks when it refreshes the Job Tracker table. Run by node's test runner
// (`node --test auto_refresh.test.mjs`), one test per page shape.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const here = dirname(fileURLToPath(import.meta.url));
const script = join(here, "..", "..", "javascript", "job_tracker.js");
const INTERVAL_MS = 40;

// The tab as Gradio renders it: a tab item with the filter inputs and a Refresh button whose click
// handler (standing in for Gradio's event) records the inputs it would send.
const TAB = `
  <div id="tab_job_tracker" class="tabitem">
    <div id="jt_status"><label><input type="radio" name="s" value="All">All</label>
      <label><input type="radio" name="s" value="Failed" checked>Failed</label></div>
    <div id="jt_search"><textarea>fox</textarea></div>
    <div id="jt_page"><input type="number" value="3"></div>
    REFRESH
  </div>
  <div id="tab_txt2img" class="tabitem" style="display:none"></div>`;

function page(shape) {
  const refresh = shape === "gradio3" ? '<button id="jt_refresh">Refresh</button>'
                                      : '<div id="jt_refresh" class="block"><button>Refresh</button></div>';
  const tab = TAB.replace("REFRESH", refresh);
  const mount = shape === "shadow"
    ? `<gradio-app></gradio-app><script>
         const shadow = document.querySelector("gradio-app").attachShadow({mode: "open"});
         shadow.innerHTML = ${JSON.stringify(tab)};
         window.gradioApp = () => shadow;
       </script>`
    : `<gradio-app>${tab}</gradio-app><script>window.gradioApp = () => document.querySelector("gradio-app");</script>`;
  return `<!doctype html><html><body>${mount}<script>
      window.jobTrackerRefreshMs = ${INTERVAL_MS};
      window.sent = [];
      const root = window.gradioApp();
      root.querySelector("#jt_refresh").addEventListener("click", () => window.sent.push({
        status: root.querySelector("#jt_status input:checked").value,
        search: root.querySelector("#jt_search textarea").value,
        page: root.querySelector("#jt_page input").value,
      }));
    </script></body></html>`;
}

async function clicksDuring(tab, ms) {
  await tab.evaluate(() => { window.sent = []; });
  await tab.waitForTimeout(ms);
  return tab.evaluate(() => window.sent);
}

async function check(browser, shape) {
  const tab = await browser.newPage();
  await tab.setContent(page(shape));
  await tab.addScriptTag({ path: script });

  const sent = await clicksDuring(tab, INTERVAL_MS * 8);
  assert.ok(sent.length >= 3, `${shape}: refreshes while the tab is shown (${sent.length})`);
  assert.deepEqual(sent[0], { status: "Failed", search: "fox", page: "3" }, `${shape}: the user's filter is kept`);
  assert.deepEqual(sent.at(-1), sent[0], `${shape}: and stays the same`);

  await tab.evaluate(() => {
    const root = window.gradioApp();
    root.querySelector("#tab_job_tracker").style.display = "none";
    root.querySelector("#tab_txt2img").style.display = "block";
  });
  assert.equal((await clicksDuring(tab, INTERVAL_MS * 6)).length, 0, `${shape}: no refresh on another tab`);

  await tab.evaluate(() => {
    const root = window.gradioApp();
    root.querySelector("#tab_job_tracker").style.display = "block";
    Object.defineProperty(document, "visibilityState", { configurable: true, get: () => "hidden" });
  });
  assert.equal((await clicksDuring(tab, INTERVAL_MS * 6)).length, 0, `${shape}: no refresh while the browser tab is hidden`);

  await tab.evaluate(() => {
    delete document.visibilityState;  // back to the real (visible) document
    window.gradioApp().querySelector("#jt_search textarea").focus();
  });
  assert.equal((await clicksDuring(tab, INTERVAL_MS * 6)).length, 0, `${shape}: no refresh while typing a search`);

  await tab.evaluate(() => window.gradioApp().querySelector("#jt_search textarea").blur());
  assert.ok((await clicksDuring(tab, INTERVAL_MS * 6)).length >= 2, `${shape}: refreshes again once back`);
  const values = await tab.evaluate(() => {
    const root = window.gradioApp();
    return [root.querySelector("#jt_search textarea").value, root.querySelector("#jt_page input").value];
  });
  assert.deepEqual(values, ["fox", "3"], `${shape}: the inputs were not touched`);
  await tab.close();
}

const profile = mkdtempSync(join(tmpdir(), "jt-chromium-"));
let browser;

before(async () => {
  // A fresh profile (Playwright passes it to Chromium as --user-data-dir).
  browser = await chromium.launchPersistentContext(profile, {
    executablePath: "/usr/bin/chromium",
    headless: true,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
           "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
});

after(async () => {
  await browser?.close();
  rmSync(profile, { recursive: true, force: true });
});

for (const shape of ["gradio3", "gradio4", "shadow"]) {
  test(`auto-refresh in a ${shape} page`, { timeout: 60_000 }, () => check(browser, shape));
}
