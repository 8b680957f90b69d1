// The workspace in a real browser: Debian's chromium driven by playwright-core, against a real
// `filings serve` (the compiled program, the embedded store, no other server). A user logs in,
// uploads forms through the page's file input and watches them reach 已入库, sees a hostile file's
// reason, opens a filing and its indicators, draws a comparison chart, and a project named like an
// HTML tag stays text. Screenshots are taken every run; with FILINGS_SCREENSHOTS=1 they replace those
// in docs/ (the README shows one), so that a test run leaves the work tree as it was.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { filings, fixture, root } from '../helpers/cli.ts';
import { markdownForm } from '../helpers/markdown-form.ts';
import { freePort } from '../helpers/redis.ts';
import { tmpDir } from '../helpers/tmp.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const XSS = '<img src=x onerror=alert(1)>';
const tmp = tmpDir('filings-browser-');
const env = { DATABASE_URL: '', REDIS_URL: '', FILINGS_DB: path.join(tmp.dir, 'filings.db'), FILINGS_UPLOADS: path.join(tmp.dir, 'uploads') };
let server: ChildProcess;
let browser: Browser;
let page: Page;
let base: string;
let token: string;
const dialogs: string[] = [];
const pageErrors: string[] = [];

beforeAll(async () => {
  token = (await filings(['token', 'add', '审计处', '--role', 'admin'], env)).stdout.trim();
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  server = spawn(process.execPath, [path.join(root, 'bin/filings.js'), 'serve', '--port', String(port)], { cwd: tmp.dir, env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
  await new Promise<void>((resolve, reject) => {
    let said = '';
    server.stderr!.on('data', (d) => {
      said += String(d);
      if (said.includes('serving')) resolve();
    });
    server.once('exit', () => reject(new Error(`filings serve ended: ${said}`)));
  });
  // As root (CI), chromium's sandbox cannot start; the page is ours.
  browser = await chromium.launch({ executablePath: CHROMIUM, args: process.getuid?.() === 0 ? ['--no-sandbox'] : [] });
  page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  page.on('pageerror', (e) => pageErrors.push(e.message));
}, 60_000);

afterAll(async () => {
  await browser?.close();
  // The default signal: serve stops its listener, its readers and its store.
  if (server) {
    const exited = new Promise((r) => server.once('exit', r));
    server.kill();
    await exited;
  }
  tmp.remove();
});

const shot = (name: string) => page.screenshot({ path: path.join(process.env.FILINGS_SCREENSHOTS ? path.join(root, 'docs') : tmp.dir, name), fullPage: false });

it('asks for the token once, then opens the workspace', async () => {
  await page.goto(base);
  await page.waitForURL(`${base}/login`);
  expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
  await page.fill('input[name=token]', 'flt_wrong');
  await page.click('button[type=submit]');
  await expect.poll(() => page.textContent('.error')).toContain('令牌无效');
  await page.fill('input[name=token]', token);
  await page.click('button[type=submit]');
  await page.waitForURL(`${base}/#/filings`);
  await expect.poll(() => page.textContent('body')).toContain('审计处');
});

it('uploads forms through the file input and shows each reach 已入库, or 失败 with its reason in Chinese', async () => {
  const xss = path.join(tmp.dir, 'xss.md');
  fs.writeFileSync(xss, markdownForm({ project: XSS, department: '江城市测试局', year: 2022 }));
  await page.goto(`${base}/#/upload`);
  const files = [fixture('seed.docx'), fixture('compare/road-2021.md'), fixture('compare/road-2022.docx'), fixture('compare/road-2023.xlsx'), fixture('bad/truncated.docx'), xss];
  await page.setInputFiles('#file-input', files);
  const rows = page.locator('tr[data-sha256]');
  await expect.poll(() => rows.count(), { timeout: 20_000 }).toBe(files.length);
  await expect
    .poll(async () => (await page.locator('tr[data-sha256] .status').allTextContents()).sort().join(','), { timeout: 60_000 })
    .toBe(['已入库', '已入库', '已入库', '已入库', '已入库', '失败'].sort().join(','));
  const failed = page.locator('tr[data-sha256]', { hasText: 'truncated.docx' });
  // Said in Chinese by its code, with the reader's own detail beneath.
  expect(await failed.locator('.reason').textContent()).toContain('文件已损坏或不完整');
  expect(await failed.locator('.reason-detail').textContent()).toContain('damaged or truncated zip archive');
  await shot('workspace-upload.png');
}, 90_000);

it('opens a filing laid out like the form, with its indicators', async () => {
  await page.goto(`${base}/#/filings`);
  await page.locator('a', { hasText: '(派出所)特保费用' }).first().click();
  await page.waitForURL(/#\/filing\//);
  await expect.poll(() => page.locator('#indicators tbody tr').count(), { timeout: 10_000 }).toBe(15);
  expect(await page.textContent('body')).toContain('受益人群满意度');
  expect(await page.getAttribute('a[download]', 'href')).toMatch(/^\/api\/filings\/[0-9a-f]{64}%3A0\/original$|^\/api\/filings\/[0-9a-f]{64}:0\/original$/);
  await shot('workspace.png');
});

it('draws a project\'s targets across years as a chart', async () => {
  await page.goto(`${base}/#/compare/years`);
  await page.locator('input').first().fill('城区道路养护');
  await page.keyboard.press('Enter');
  const canvas = page.locator('#chart canvas').first();
  await canvas.waitFor({ timeout: 15_000 });
  // Drawn: the canvas holds pixels other than the background.
  await expect
    .poll(() =>
      canvas.evaluate((c: HTMLCanvasElement) => {
        const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
        let ink = 0;
        for (let i = 0; i < d.length; i += 4) if (d[i + 3] > 0 && (d[i] < 200 || d[i + 1] < 200 || d[i + 2] < 200)) ink++;
        return ink;
      }),
    )
    .toBeGreaterThan(500);
  expect(await page.textContent('body')).toContain('养护成本');
  await shot('workspace-compare.png');
});

it('shows a project named like an HTML tag as text, and runs nothing', async () => {
  await page.goto(`${base}/#/filings`);
  const cell = page.locator('a', { hasText: XSS });
  await cell.first().waitFor({ timeout: 10_000 });
  expect(await cell.first().textContent()).toBe(XSS);
  expect(await page.locator('img[src="x"]').count()).toBe(0);
  await cell.first().click();
  await page.waitForURL(/#\/filing\//);
  await expect.poll(() => page.textContent('h1, body')).toContain(XSS);
  expect(await page.locator('img[src="x"]').count()).toBe(0);
  expect(dialogs).toEqual([]);
  expect(pageErrors).toEqual([]);
});
