// Drives Debian's chromium over a drydock HTML report with Playwright (playwright-core: no browser download) and
// prints what HtmlReportBrowserTest asserts, as one JSON object on stdout.
// Usage: node html-report.mjs REPORT.html SCREENSHOT.png [CHROMIUM]
import { chromium } from 'playwright-core';
import { pathToFileURL } from 'node:url';

const [report, screenshot, executable = '/usr/bin/chromium'] = process.argv.slice(2);
const url = pathToFileURL(report).href;
const browser = await chromium.launch({ executablePath: executable, args: ['--no-sandbox', '--disable-gpu'] });
const out = { requests: [], dialogs: 0, consoleErrors: [] };
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on('request', (r) => out.requests.push(r.url()));
  page.on('dialog', async (d) => { out.dialogs++; await d.dismiss(); });
  page.on('console', (m) => { if (m.type() === 'error') { out.consoleErrors.push(m.text()); } });
  await page.goto(url);
  await page.waitForSelector('html[data-ready="true"]');

  const visible = async () => page.$$eval('#findings-table tbody tr', (rows) => rows.filter((r) => !r.hidden)
    .map((r) => ({ id: r.dataset.id, severity: r.dataset.severity, kind: r.dataset.kind })));
  out.title = await page.title();
  out.initial = await visible();
  out.count = await page.textContent('#count');
  out.xss = await page.evaluate(() => window.__xss === undefined ? null : window.__xss);
  out.xssText = await page.$$eval('#findings-table summary', (s) => s.map((e) => e.textContent).filter((t) => t.includes('<script>')));

  await page.selectOption('#f-severity', 'critical');
  out.critical = await visible();
  out.criticalCount = await page.textContent('#count');
  out.hashAfterFilter = await page.evaluate(() => window.location.hash);

  await page.selectOption('#f-severity', '');
  await page.selectOption('#f-kind', 'misconfiguration');
  out.misconfiguration = await visible();
  await page.selectOption('#f-kind', '');

  await page.fill('#q', 'lodash');
  out.search = await visible();
  await page.fill('#q', '');

  await page.check('#f-suppressed');
  out.withSuppressed = await visible();
  await page.uncheck('#f-suppressed');

  await page.click('th[data-sort="id"] button');
  out.sortedById = (await visible()).map((r) => r.id);
  out.ariaSort = await page.getAttribute('th[data-sort="id"]', 'aria-sort');
  await page.click('th[data-sort="rank"] button');

  await page.click('#findings-table tbody tr:first-child summary');
  out.detailsOpen = await page.$eval('#findings-table tbody tr:first-child details', (d) => d.open);
  out.fixShown = await page.isVisible('#findings-table tbody tr:first-child .fix');
  await page.click('#findings-table tbody tr:first-child summary');

  if (screenshot) {
    // the README's picture: the top of the page, with one finding opened to show its advice
    await page.click('#findings-table tbody tr[data-id="CVE-2023-4911"] summary');
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.setViewportSize({ width: 1280, height: 1500 });
    await page.screenshot({ path: screenshot, fullPage: false });
  }
} finally {
  await browser.close();
}
process.stdout.write(JSON.stringify(out) + '\n');
