// End-to-end test of the NOC wallboard in headless Chromium (docs/wallboard.md).
// Starts the packaged service (target/quarkus-app/quarkus-run.jar) with demo data, a 6-second accept limit and an
// embedded PostgreSQL in a temp dir and the development token issuer on; opens /wallboard and signs in as a
// group-level demo person through the login panel; drives a fault through the REST API (with the acceptor's own
// token) and watches the page:
// the ticket, an ACCEPT timer going amber then red, the escalation; then a dropped feed (reconnect with since)
// and a close 4410 (reload over REST). Every Chinese character on the page must be drawn by a font that has it,
// not as a missing-glyph box (docs/wallboard.md: FONTCONFIG_FILE=no-cjk-fonts.conf shows this test failing).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, createWriteStream, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer } from 'node:net';
import { chromium } from 'playwright-core';

const HERE = dirname(fileURLToPath(import.meta.url));
const JAR = join(HERE, '..', 'target', 'quarkus-app', 'quarkus-run.jar');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const ACCEPT_LIMIT_SECONDS = 6;

let service, dataDir, base, api, browser, page;
let people = [];          // the demo people the login panel offers (GET /wallboard/login-options)
const tokens = new Map(); // login -> access token from /auth/dev-token
const feedUrls = [];
let feedRoute = null;
let feedServer = null;

async function until(check, timeoutMs, what) {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out waiting for ' + what);
    await new Promise(r => setTimeout(r, 50));
  }
}

/** Closes the page's feed connection with a code, as the server would, and the server side with it. */
function dropFeed(code, reason) {
  feedRoute.close({ code, reason });
  feedServer.close().catch(() => {});
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

async function waitReady(timeoutMs) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (service.exitCode !== null) throw new Error('service exited with ' + service.exitCode + ' (see e2e/service.log)');
    try {
      const res = await fetch(base + '/q/health/ready');
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise(r => setTimeout(r, 500));
  }
  throw new Error('service not ready after ' + timeoutMs + ' ms (see e2e/service.log)');
}

/** A development token for a demo login (the service runs with ONEPOINT_AUTH_DEV_ISSUER_ENABLED=true). */
async function tokenFor(login) {
  if (!tokens.has(login)) {
    const res = await fetch(base + '/auth/dev-token?login=' + encodeURIComponent(login));
    assert.equal(res.status, 200, 'dev token for ' + login);
    tokens.set(login, (await res.json()).access_token);
  }
  return tokens.get(login);
}

/** The login of the demo person of a unit with a role, as the login panel lists them. */
function loginOf(unitName, role) {
  const p = people.find(x => x.unitName === unitName && x.roles.includes(role));
  assert.ok(p, 'a demo person with ' + role + ' at ' + unitName);
  return p.login;
}

/** A REST call as {@code login} (the token is the actor). */
async function call(method, path, body, login = loginOf('湖北省统一受理工位', 'ACCEPTOR')) {
  const headers = { Authorization: 'Bearer ' + await tokenFor(login) };
  if (body) headers['Content-Type'] = 'application/json';
  const res = await fetch(api + path, { method, headers, body: body ? JSON.stringify(body) : undefined });
  const text = await res.text();
  if (!res.ok) throw new Error(method + ' ' + path + ' -> ' + res.status + ' ' + text);
  return text ? JSON.parse(text) : null;
}

const one = async (path) => {
  const list = await call('GET', path);
  assert.ok(Array.isArray(list) && list.length > 0, 'demo record for ' + path);
  return list[0].id;
};

function ticketBody(customerCode, customerName, circuitCode, businessType, direction, deskId, symptom) {
  return {
    customerCode, customerName, circuitCode, businessType, direction,
    occurredAt: new Date(Date.now() - 60000).toISOString(), symptom,
    reporter: { name: '王经理', contact: '13800000000' }, channel: 'HOTLINE', acceptanceUnitId: deskId
  };
}

before(async () => {
  assert.ok(existsSync(JAR), 'packaged service missing: run ./mvnw -B -q package -DskipTests first');
  assert.ok(existsSync(CHROMIUM), 'Chromium missing at ' + CHROMIUM);
  dataDir = mkdtempSync(join(tmpdir(), 'onepoint-e2e-'));
  const port = await freePort();
  base = 'http://127.0.0.1:' + port;
  api = base + '/api/v1';
  const log = createWriteStream(join(HERE, 'service.log'));
  service = spawn('java', ['-jar', JAR], {
    env: {
      ...process.env,
      QUARKUS_HTTP_HOST: '127.0.0.1',
      QUARKUS_HTTP_PORT: String(port),
      ONEPOINT_EMBEDDED_DB_DIR: join(dataDir, 'pgdata'),
      ONEPOINT_DEMO_DATA_ENABLED: 'true',
      // the directory only: the counts below start from an empty board
      ONEPOINT_DEMO_DATA_TICKETS: 'false',
      ONEPOINT_SLA_ACCEPT: 'PT' + ACCEPT_LIMIT_SECONDS + 'S',
      // tokens for the demo people from GET /auth/dev-token (docs/wallboard.md, "Signing in")
      ONEPOINT_AUTH_DEV_ISSUER_ENABLED: 'true',
      ONEPOINT_SLA_WARN_SHARE: '0.4'
    },
    stdio: ['ignore', 'pipe', 'pipe']
  });
  service.stdout.pipe(log);
  service.stderr.pipe(log);
  await waitReady(90000);
  const options = await (await fetch(base + '/wallboard/login-options')).json();
  assert.equal(options.devTokens, true, 'the login panel offers demo people');
  people = options.people;

  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync']
  });
  page = await browser.newPage({ viewport: { width: 1920, height: 1080 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  page.on('pageerror', err => { console.error('page error:', err.message); });
  // Every feed connection goes through this route: the test sees the URL (since=…) and can drop it.
  await page.routeWebSocket(/\/ws\/feed/, ws => {
    feedUrls.push(ws.url());
    feedServer = ws.connectToServer();
    feedRoute = ws;
  });
}, { timeout: 120000 });

after(async () => {
  if (browser) await browser.close().catch(() => {});
  if (service && service.exitCode === null) {
    const exited = new Promise(r => service.once('exit', r));
    service.kill('SIGTERM');
    await Promise.race([exited, new Promise(r => setTimeout(r, 15000))]);
    if (service.exitCode === null) service.kill('SIGKILL');
  }
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

const text = (sel) => page.locator(sel).innerText();

test('the wallboard shows a ticket, its timers breaching in red and the escalation, live', { timeout: 60000 }, async () => {
  const res = await page.goto(base + '/wallboard');
  assert.equal(res.status(), 200);
  assert.ok(page.url().endsWith('/wallboard/'), 'redirected to /wallboard/: ' + page.url());
  // Not signed in: the login panel, with the demo people; sign in as the group control desk's supervisor.
  await page.waitForSelector('#login:not([hidden]) #demo:not([hidden])', { timeout: 10000 });
  assert.equal(await text('#conn-text'), '未登录');
  const noc = people.find(p => p.scope === 'GROUP' && p.roles.includes('SUPERVISOR'));
  assert.ok(noc, 'a group-level demo person');
  await page.selectOption('#demo-person', noc.login);
  await page.click('#demo-login');
  await page.waitForSelector('#conn[data-state="live"]', { timeout: 15000 });
  assert.ok(await page.locator('#login').isHidden(), 'the login panel is gone');
  assert.equal(await text('#who-name'), noc.name);
  assert.ok(feedUrls.length >= 1 && (await page.evaluate(() => sessionStorage.getItem('onepoint.wallboard.token'))),
    'the token is kept for this tab');
  assert.equal(await text('#conn-text'), '实时');
  assert.equal(await text('#count-open'), '0');

  const desk = await one('/units?code=HB-ACC');
  const acceptor = await one('/people?unitId=' + desk + '&role=ACCEPTOR');

  // 集团 (cross-province, group customer), only accepted: stays 处理中 without work orders.
  const group = await call('POST', '/tickets', ticketBody('C-GRP-0001', '长江示例航运集团', 'WH-CD-MSTP-0001', 'MSTP',
    '武汉—成都', desk, '港口专线中断'));
  await call('POST', '/tickets/' + group.id + '/accept', { personId: acceptor });
  // 省内, only taken: 受理.
  await call('POST', '/tickets', ticketBody('C-YC-0001', '宜昌示例文旅公司', 'YC-YC-INET-0001', 'INTERNET_LINE',
    '宜昌西陵—宜昌夷陵', desk, '景区专线丢包'));
  // 省内, accepted and dispatched to both ends; nobody accepts the work orders.
  const t = await call('POST', '/tickets', ticketBody('C-HB-0001', '湖北示例电力公司', 'WH-YC-DC-0001', 'DIGITAL_CIRCUIT',
    '武汉—宜昌', desk, '电路中断，两端业务不通'));
  await call('POST', '/tickets/' + t.id + '/accept', { personId: acceptor });
  const dispatchedAt = Date.now();
  await call('POST', '/tickets/' + t.id + '/dispatches', { personId: acceptor });

  const row = page.locator(`li.ticket[data-ticket-id="${t.id}"]`);
  await row.waitFor({ timeout: 10000 });
  assert.match(await row.innerText(), new RegExp(t.number));
  assert.match(await row.innerText(), /湖北示例电力公司/);
  assert.match(await row.innerText(), /WH-YC-DC-0001/);
  assert.match(await row.innerText(), /处理中/);
  assert.match(await row.innerText(), /省内/);
  await page.waitForFunction(() => document.getElementById('count-open').textContent === '3', null, { timeout: 5000 });
  assert.equal(await text('#count-acknowledged'), '1');
  assert.equal(await text('#count-inProgress'), '2');
  assert.equal(await text('#count-GROUP'), '1');
  assert.equal(await text('#count-PROVINCE'), '2');

  // The two ACCEPT timers (T4) appear, count down, turn amber at the warning, then red when breached.
  const acceptTimers = page.locator('li.timer', { hasText: '接单' });
  await page.waitForFunction(() => [...document.querySelectorAll('li.timer')]
    .filter(li => li.textContent.includes('接单')).length === 2, null, { timeout: 5000 });
  assert.match(await acceptTimers.first().innerText(), /T4/);
  assert.match(await acceptTimers.first().innerText(), new RegExp('工单 WO\\d+ ← ' + t.number));
  await page.locator('li.timer.warned', { hasText: '接单' }).first().waitFor({ timeout: ACCEPT_LIMIT_SECONDS * 1000 });
  const breached = page.locator('li.timer.breached[data-state="breached"]', { hasText: '接单' });
  await page.waitForFunction(() => document.querySelectorAll('li.timer.breached[data-state="breached"]').length === 2,
    null, { timeout: (ACCEPT_LIMIT_SECONDS + 8) * 1000 });
  const seconds = (Date.now() - dispatchedAt) / 1000;
  assert.ok(seconds < ACCEPT_LIMIT_SECONDS + 8, 'breach shown ' + seconds + ' s after dispatch');
  assert.match(await breached.first().innerText(), /已超时/);
  const color = await breached.first().locator('.countdown').evaluate(e => getComputedStyle(e).color);
  assert.equal(color, 'rgb(255, 77, 79)', 'breached countdown is red');
  assert.equal(await text('#count-breached'), '2');

  // The escalations (T13): level 1 at the local networks, reason 超时, supervisors and CCE told.
  const escalations = page.locator('li.escalation[data-reason="BREACH"][data-tier="LOCAL"]');
  await page.waitForFunction(() => document.querySelectorAll('li.escalation[data-reason="BREACH"]').length === 2,
    null, { timeout: 5000 });
  const first = await escalations.first().innerText();
  assert.match(first, /地市 · 第1级/);
  assert.match(first, /接单超时/);
  assert.match(first, /已通知 \d+ 人/);
  assert.match(first, /武汉本地网|宜昌本地网/);
  assert.match(first, new RegExp('工单 WO\\d+ ← ' + t.number));

  // A countdown moves every second: the first running countdown shows a new value within a few seconds (polled,
  // not sampled once: on a loaded machine the page's one-second tick can land late).
  const running = page.locator('li.timer[data-state="running"] .value').first();
  const v1 = await running.innerText();
  await page.waitForFunction((before) => {
    const el = document.querySelector('li.timer[data-state="running"] .value');
    return el !== null && el.textContent !== before;
  }, v1, { timeout: 5000 });
  assert.notEqual(await running.innerText(), v1, 'running countdown ticks');

  await page.screenshot({ path: join(HERE, 'wallboard.png') });
});

/**
 * The Chinese characters the page shows that no installed font can draw. Each is drawn on a canvas in the page's
 * own font stack and compared with what the same stack draws for characters no font has (a private-use and an
 * unassigned code point): a missing glyph is drawn as that same box (or as nothing), a real glyph is not.
 */
function missingGlyphs() {
  const chars = [...new Set(document.body.innerText.match(/[\u3400-\u9fff]/g) || [])];
  const family = getComputedStyle(document.body).fontFamily;
  const canvas = document.createElement('canvas');
  canvas.width = 64;
  canvas.height = 64;
  const g = canvas.getContext('2d', { willReadFrequently: true });
  const draw = (ch) => {
    g.clearRect(0, 0, 64, 64);
    g.fillStyle = '#000';
    g.font = '40px ' + family;
    g.textBaseline = 'middle';
    g.fillText(ch, 8, 32);
    return g.getImageData(0, 0, 64, 64).data.join(',');
  };
  const boxes = new Set([draw('\uE83A'), draw('\u0378'), draw('\uFFFE')]);
  const blank = (() => { g.clearRect(0, 0, 64, 64); return g.getImageData(0, 0, 64, 64).data.join(','); })();
  boxes.add(blank);
  return { checked: chars.length, family, missing: chars.filter(ch => boxes.has(draw(ch))) };
}

test('every Chinese character on the board is drawn by a font, none as a missing-glyph box', async () => {
  const result = await page.evaluate(missingGlyphs);
  assert.ok(result.checked >= 40, 'Chinese text on the board: ' + result.checked + ' distinct characters');
  assert.deepEqual(result.missing, [], result.missing.length + ' of ' + result.checked + ' Chinese characters have no '
    + 'font (install a CJK font, e.g. apt-get install fonts-wqy-zenhei; docs/wallboard.md), among them '
    + result.missing.slice(0, 20).join(' ') + ' (font-family: ' + result.family + ')');
});

test('after a drop the board reconnects with since=<last seq> and stays live; a 4410 reloads over REST', { timeout: 60000 }, async () => {
  const lastSeq = Number((await text('#last-seq')).replace('#', ''));
  assert.ok(lastSeq > 0, 'a seq was received');
  const before = feedUrls.length;
  assert.ok(!feedUrls[0].includes('since='), 'the first connection loads state and starts live: ' + feedUrls[0]);

  // A server-side drop (4408, too slow): reconnect after backoff with since.
  dropFeed(4408, 'too slow');
  await page.waitForSelector('#conn[data-state="retry"]', { timeout: 5000 });
  await until(() => feedUrls.length === before + 1, 10000, 'a new feed connection after the drop');
  await page.waitForSelector('#conn[data-state="live"]', { timeout: 10000 });
  assert.match(feedUrls.at(-1), new RegExp('since=' + lastSeq + '(&|$)'));

  // An event after the reconnect arrives live.
  const desk = await one('/units?code=SC-ACC');
  const t = await call('POST', '/tickets', ticketBody('C-SC-0001', '四川示例农商银行', 'CD-MY-INET-0001', 'INTERNET_LINE',
    '成都—绵阳', desk, '网点专线中断'), loginOf('四川省统一受理工位', 'ACCEPTOR'));
  await page.locator(`li.ticket[data-ticket-id="${t.id}"]`).waitFor({ timeout: 5000 });
  assert.equal(await text('#count-open'), '4');

  // 4410: since too old. The board reloads everything and connects without since.
  dropFeed(4410, 'since too old');
  await until(() => feedUrls.length === before + 2, 10000, 'a new feed connection after 4410');
  await page.waitForSelector('#conn[data-state="live"]', { timeout: 10000 });
  assert.ok(!feedUrls.at(-1).includes('since='), 'after 4410 no since: ' + feedUrls.at(-1));
  await page.waitForFunction(() => document.getElementById('count-open').textContent === '4', null, { timeout: 5000 });
  assert.equal(await text('#count-breached'), '2');
  assert.ok(await page.locator('li.escalation[data-reason="BREACH"]').count() >= 2, 'escalations reloaded over REST');
});

test('a token entered by hand works until it expires; the panel then asks again and the board resumes', { timeout: 60000 }, async () => {
  const noc = people.find(p => p.scope === 'GROUP' && p.roles.includes('SUPERVISOR'));
  // An event after the 4410 reload, so that the board has a position to resume from.
  const desk = await one('/units?code=SC-ACC');
  const t = await call('POST', '/tickets', ticketBody('C-SC-0001', '四川示例农商银行', 'CD-MY-INET-0001', 'INTERNET_LINE',
    '成都—绵阳', desk, '网点专线丢包'), loginOf('四川省统一受理工位', 'ACCEPTOR'));
  await page.locator(`li.ticket[data-ticket-id="${t.id}"]`).waitFor({ timeout: 5000 });
  await page.click('#logout');
  await page.waitForSelector('#login:not([hidden])', { timeout: 5000 });
  assert.equal(await text('#login-error'), '已退出登录。');

  // A 6-second token for the same person, pasted into the token field: the board resumes with since.
  const res = await fetch(base + '/auth/dev-token?login=' + noc.login + '&lifetime=PT6S');
  assert.equal(res.status, 200);
  const before = feedUrls.length;
  await page.fill('#token-input', (await res.json()).access_token);
  await page.click('#token-login');
  await page.waitForSelector('#conn[data-state="live"]', { timeout: 10000 });
  assert.equal(feedUrls.length, before + 1);
  assert.match(feedUrls.at(-1), /since=\d+/);

  // The server closes the socket when the token expires (1008): the panel asks again.
  await page.waitForSelector('#login:not([hidden])', { timeout: 15000 });
  assert.match(await text('#login-error'), /登录已(过期|失效)/);

  // Signed in again (demo picker): the same board, resumed where it stopped.
  await page.selectOption('#demo-person', noc.login);
  await page.click('#demo-login');
  await page.waitForSelector('#conn[data-state="live"]', { timeout: 10000 });
  assert.match(feedUrls.at(-1), /since=\d+/);
  assert.equal(await text('#count-open'), '5');
});

// The README's walk-through (docs/walkthrough.sh) against the same packaged service: every call with a token of
// the dev issuer, each action the acting person's own. Last, so that its fault does not change the counts above.
test('the walk-through script runs to its end with tokens, and its refusals are the manual\'s', { timeout: 60000 }, async () => {
  const script = join(HERE, '..', 'docs', 'walkthrough.sh');
  const { code, stdout, stderr } = await new Promise((resolve) => {
    const child = spawn('bash', [script], { env: { ...process.env, API: api }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '', err = '';
    child.stdout.on('data', (d) => { out += d; });
    child.stderr.on('data', (d) => { err += d; });
    child.on('close', (c) => resolve({ code: c, stdout: out, stderr: err }));
  });
  assert.equal(code, 0, 'walkthrough.sh failed:\n' + stdout + '\n' + stderr);
  assert.match(stdout, /^17\. /m, 'the walk-through reached its last step');
  // the refusals it shows on purpose: a rule (422, rule id) and a state conflict (409)
  assert.match(stdout, /"status":422,"code":"W1"/);
  assert.match(stdout, /"status":422,"code":"A1"/);
  assert.match(stdout, /"status":409,"code":"STATE_CONFLICT"/);
});
