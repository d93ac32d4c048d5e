/*
 * OnePoint NOC wallboard. Initial state over REST (/api/v1), then the live feed (/ws/feed).
 * Every text that comes from the server is set with textContent: nothing from the feed is parsed as HTML.
 * How it stays consistent (docs/wallboard.md): the socket is opened first and its messages are held while
 * the REST state loads, then applied; after a drop it reconnects with since=<last seq> (exponential
 * backoff); a close 4410 (since too old) reloads the state and starts again.
 * Signing in (docs/wallboard.md, "Signing in"): every REST call carries the access token as a bearer header,
 * the socket carries it as a subprotocol; the board stops and asks again when the token is refused or expires.
 */
'use strict';

(function () {
  const API = '/api/v1';
  const TOPICS = 'tickets,workorders,timers';
  const ZONE = 'Asia/Shanghai';

  const STATUSES = [
    ['acknowledged', '受理'], ['inProgress', '处理中'], ['held', '挂起'], ['pending', '待客户'], ['resolved', '已恢复']
  ];
  const STATUS_NAME = Object.fromEntries(STATUSES);
  const OPEN_STATUS = new Set(STATUSES.map(s => s[0]));
  const SCOPE_NAME = { GROUP: '集团', PROVINCE: '省内' };
  const SCOPE_LABEL = { GROUP: '可看全集团', PROVINCE: '可看本省', LOCAL: '可看本单位' };
  const TIER_NAME = { LOCAL: '地市', PROVINCE: '省级', GROUP: '集团' };
  const REASON_NAME = {
    BREACH: '超时', TOTAL_OUTAGE: '全阻', MAJOR_FAULT: '重大故障', CUSTOMER_HQ_OUTAGE: '客户总部中断',
    ASSURANCE_PERIOD: '保障期故障', EXTERNAL: '客户投诉升级'
  };
  const KIND_NAME = {
    PROVINCE_DISPATCH: '省公司派单', ACCEPT: '接单', HANDLER_PROGRESS: '处理进展反馈',
    CUSTOMER_FIRST_UPDATE: '首次通报客户', CUSTOMER_UPDATE: '定时通报客户', CONTROL_RESPONSE: '管控响应',
    CONTROL_RELAY: '管控通知新信息', RESOLUTION: '故障修复时限', FAULT_REPORT: '故障处理报告', SURVEY: '勘察', PLAN: '实施方案', PROGRESS_REPORT: '进度报告',
    WARNING_POOL_ENTRY: '进入预警池', WARNING_LEAD: '预警', ORDER_DUE: '开通时限',
    RESOURCE_SYSTEM_ENTRY: '资源系统录入', CRM_DELIVERY_NOTE: 'CRM 交付单', RESOURCE_CHECK_VALIDITY: '资源核查有效期',
    ISSUE_ITEM: '问题单', SERVICE_RECORD: '服务记录'
  };
  const SUBJECT_NAME = {
    TICKET: '故障单', WORK_ORDER: '工单', ORDER: '订单', REQUIREMENT: '需求', RESOURCE_CHECK: '资源核查',
    PROJECT: '项目', ISSUE_ITEM: '问题单', CUTOVER: '割接', ASSURANCE_PERIOD: '保障期', SERVICE_RECORD: '服务记录'
  };
  const ROLE_NAME = {
    CUSTOMER_MANAGER: '客户经理', CHIEF_CUSTOMER_MANAGER: '首席客户经理', CUSTOMER_ENGINEER: '客户工程师',
    CHIEF_CUSTOMER_ENGINEER: '首席客户工程师', BUSINESS_MANAGER: '业务经理', NETWORK_OPS_SUPPORT_MANAGER: '网运支撑经理',
    PROJECT_MANAGER: '项目经理', SUPERVISOR: '主管', ACCEPTOR: '受理员', HANDLER: '处理人员', CONTROLLER: '管控人员'
  };
  const FINAL_TIMER = new Set(['met', 'breached', 'cancelled']);
  const MAX_TICKET_ROWS = 40;
  const MAX_TIMER_ROWS = 30;
  const MAX_ESCALATIONS = 40;
  const BACKOFF_MIN_MS = 1000;
  const BACKOFF_MAX_MS = 30000;

  const state = {
    tickets: new Map(),      // id -> TicketView (closed ones are dropped, their version kept in gone)
    gone: new Map(),         // ticket id -> version at which it left the board
    numbers: new Map(),      // ticket id -> number, also for tickets no longer on the board
    timers: new Map(),       // id -> TimerView
    escalations: [],         // EscalationView, newest first
    escalationIds: new Set(),
    units: new Map(),        // id -> name
    workOrders: new Map(),   // id -> {number, ticketId}
    lookups: new Set(),      // ids being fetched
    lastSeq: null,
    ws: null,
    attempt: 0,
    retryTimer: null,
    loading: false,
    held: [],
    offsetMs: 0,             // server clock - local clock, from the Date header
    renderQueued: false
  };

  // ---- DOM helpers (text only) ---------------------------------------------------------------------
  const $ = id => document.getElementById(id);

  function el(tag, className, text) {
    const e = document.createElement(tag);
    if (className) e.className = className;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }

  function chip(cls, text) {
    return el('span', 'chip ' + cls, text);
  }

  const clockFmt = new Intl.DateTimeFormat('zh-CN', {
    timeZone: ZONE, hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false
  });
  const dateFmt = new Intl.DateTimeFormat('zh-CN', { timeZone: ZONE, month: '2-digit', day: '2-digit' });

  function now() {
    return Date.now() + state.offsetMs;
  }

  function duration(seconds) {
    const s = Math.max(0, Math.floor(seconds));
    const h = Math.floor(s / 3600), m = Math.floor((s % 3600) / 60), r = s % 60;
    const mm = String(m).padStart(2, '0'), ss = String(r).padStart(2, '0');
    if (h >= 48) return Math.floor(h / 24) + '天' + (h % 24) + '时';
    return h > 0 ? h + ':' + mm + ':' + ss : mm + ':' + ss;
  }

  function age(seconds) {
    const m = Math.floor(Math.max(0, seconds) / 60);
    if (m < 60) return m + '分';
    const h = Math.floor(m / 60);
    return h < 48 ? h + '时' + (m % 60) + '分' : Math.floor(h / 24) + '天' + (h % 24) + '时';
  }

  // ---- connection indicator ------------------------------------------------------------------------
  function setConn(kind, text) {
    const c = $('conn');
    c.dataset.state = kind;
    $('conn-text').textContent = text;
  }

  // ---- signing in ----------------------------------------------------------------------------------
  // The token is kept in sessionStorage (this tab only). A browser cannot give a WebSocket handshake headers, so
  // the socket offers two subprotocols: bearer-token-carrier, which the server selects, and
  // quarkus-http-upgrade#Authorization#Bearer <token> (URL-encoded), which the server turns back into the
  // Authorization header of the upgrade request before it checks the token.
  const TOKEN_KEY = 'onepoint.wallboard.token';
  const DEMO_KEY = 'onepoint.wallboard.demoLogin';
  const LOGIN_OPTIONS = '/wallboard/login-options';
  const DEV_TOKEN = '/auth/dev-token';
  const CARRIER = 'bearer-token-carrier';

  const auth = {
    token: null,
    subject: null,           // the token's sub: a different person after a new sign-in means a full reload
    demoLogin: null,         // signed in through the demo picker: renewed without asking
    renewTimer: null,
    lost: false,             // a sign-in is under way (several refused calls ask only once)
    waiting: [],             // resolved by the next successful sign-in
    people: new Map()        // login -> demo person (login-options), for the name in the header
  };

  class AuthError extends Error {}

  /** The token's claims (a JWT's payload), null for a token that is not a readable JWT. */
  function claims(token) {
    try {
      const part = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
      const padded = part + '='.repeat((4 - part.length % 4) % 4);
      const bytes = Uint8Array.from(atob(padded), c => c.charCodeAt(0));
      return JSON.parse(new TextDecoder().decode(bytes));
    } catch (err) {
      return null;
    }
  }

  function expired(token) {
    const c = claims(token);
    return c !== null && typeof c.exp === 'number' && c.exp * 1000 <= now() + 2000;
  }

  function signedIn(token, demoLogin) {
    auth.token = token;
    auth.demoLogin = demoLogin || null;
    auth.lost = false;
    sessionStorage.setItem(TOKEN_KEY, token);
    if (auth.demoLogin) sessionStorage.setItem(DEMO_KEY, auth.demoLogin); else sessionStorage.removeItem(DEMO_KEY);
    showWho();
    $('who').hidden = false;
    $('login').hidden = true;
    scheduleRenewal();
    const waiting = auth.waiting;
    auth.waiting = [];
    waiting.forEach(resolve => resolve());
  }

  function showWho() {
    const c = claims(auth.token) || {};
    const login = c.preferred_username || c.sub;
    const person = login && auth.people.get(login);
    $('who-name').textContent = (person && person.name) || c.name || login || '已登录';
  }

  function forgetToken() {
    clearTimeout(auth.renewTimer);
    auth.token = null;
    sessionStorage.removeItem(TOKEN_KEY);
  }

  async function demoToken(login) {
    const res = await fetch(DEV_TOKEN + '?login=' + encodeURIComponent(login), { cache: 'no-store' });
    if (!res.ok) throw new Error('HTTP ' + res.status);
    const body = await res.json();
    if (!body.access_token) throw new Error('no access_token');
    return body.access_token;
  }

  /** A demo token is renewed before it expires, so REST calls never meet a 401 (the socket: see connect). */
  function scheduleRenewal() {
    clearTimeout(auth.renewTimer);
    const c = claims(auth.token);
    if (!auth.demoLogin || !c || typeof c.exp !== 'number') return;
    const left = c.exp * 1000 - now();
    const login = auth.demoLogin;
    auth.renewTimer = setTimeout(() => {
      demoToken(login).then(t => { if (auth.demoLogin === login && auth.token) signedIn(t, login); }).catch(() => {});
    }, Math.max(1000, Math.min(left - 30000, left * 0.8)));
  }

  /** Whether the token is accepted: a 401 from a small REST read means no. */
  async function accepted(token) {
    const res = await fetch(API + '/units?limit=1', {
      headers: { Accept: 'application/json', Authorization: 'Bearer ' + token }, cache: 'no-store'
    });
    if (res.status === 401) return false;
    if (!res.ok) throw new Error('HTTP ' + res.status);
    return true;
  }

  /** Shows the login panel; resolves once someone has signed in. */
  function showLogin(message) {
    $('login-error').textContent = message || '';
    $('login').hidden = false;
    setConn('error', '未登录');
    loadLoginOptions();
    return new Promise(resolve => auth.waiting.push(resolve));
  }

  async function loadLoginOptions() {
    try {
      const res = await fetch(LOGIN_OPTIONS, { headers: { Accept: 'application/json' }, cache: 'no-store' });
      const options = res.ok ? await res.json() : {};
      const people = options.devTokens && Array.isArray(options.people) ? options.people : [];
      auth.people = new Map(people.map(p => [p.login, p]));
      if (auth.token) showWho();
      const select = $('demo-person');
      const chosen = select.value || sessionStorage.getItem(DEMO_KEY);
      select.replaceChildren(...people.map(p => {
        const o = el('option', null, [p.name, p.unitName, (p.roles || []).map(r => ROLE_NAME[r] || r).join('、'),
          SCOPE_LABEL[p.scope] || ''].filter(Boolean).join(' · '));
        o.value = p.login;
        return o;
      }));
      if (chosen && people.some(p => p.login === chosen)) select.value = chosen;
      $('demo').hidden = people.length === 0;
    } catch (err) {
      $('demo').hidden = true;
    }
  }

  async function signIn(token, demoLogin) {
    const button = demoLogin ? $('demo-login') : $('token-login');
    button.disabled = true;
    $('login-error').textContent = '正在验证…';
    try {
      if (!(await accepted(token))) {
        $('login-error').textContent = '令牌无效或已过期，请重新获取。';
        return;
      }
      const subject = (claims(token) || {}).sub || null;
      auth.changed = auth.subject !== null && subject !== auth.subject;
      auth.subject = subject;
      $('token-input').value = '';
      signedIn(token, demoLogin);
    } catch (err) {
      $('login-error').textContent = '无法连接服务，请稍后再试。';
    } finally {
      button.disabled = false;
    }
  }

  function bindLogin() {
    $('login-form').addEventListener('submit', ev => {
      ev.preventDefault();
      const token = $('token-input').value.trim().replace(/^Bearer\s+/i, '');
      if (!token) {
        $('login-error').textContent = '请先粘贴访问令牌。';
        return;
      }
      signIn(token, null);
    });
    $('demo-login').addEventListener('click', () => {
      const login = $('demo-person').value;
      if (!login) return;
      $('login-error').textContent = '正在获取令牌…';
      demoToken(login).then(t => signIn(t, login),
        () => { $('login-error').textContent = '无法获取演示令牌（开发令牌签发可能已关闭）。'; });
    });
    $('logout').addEventListener('click', () => {
      auth.demoLogin = null;
      sessionStorage.removeItem(DEMO_KEY);
      $('who').hidden = true;
      authLost('已退出登录。');
    });
  }

  /**
   * The token was refused or has expired: stop the feed, get a new token (a demo sign-in is renewed at once,
   * otherwise the login panel asks), then carry on: from the last seq for the same person, reloaded for another.
   */
  function authLost(message) {
    if (auth.lost) return;
    auth.lost = true;
    const ws = state.ws;
    state.ws = null; // its close is ours: no reconnect from onclose
    if (ws) ws.close(4000, 'signed out');
    clearTimeout(state.retryTimer);
    const resume = state.loading || state.lastSeq === null ? null : state.lastSeq;
    state.loading = false;
    forgetToken();
    const login = auth.demoLogin;
    const again = login
      ? demoToken(login).then(t => { auth.changed = false; signedIn(t, login); }, () => showLogin(message))
      : showLogin(message);
    again.then(() => connect(auth.changed ? null : resume));
  }

  // ---- REST ----------------------------------------------------------------------------------------
  async function getJson(path) {
    const res = await fetch(API + path, {
      headers: { Accept: 'application/json', Authorization: 'Bearer ' + auth.token }, cache: 'no-store'
    });
    if (res.status === 401) {
      authLost('登录已失效，请重新登录。');
      throw new AuthError('HTTP 401 ' + path);
    }
    if (!res.ok) throw new Error('HTTP ' + res.status + ' ' + path);
    const date = res.headers.get('Date');
    if (date) {
      const skew = Date.parse(date) - Date.now();
      // The Date header has one-second resolution: only a larger difference is a real skew.
      if (Number.isFinite(skew)) state.offsetMs = Math.abs(skew) > 1500 ? skew : 0;
    }
    return { body: await res.json(), total: Number(res.headers.get('X-Total-Count')) };
  }

  async function getAll(path, cap) {
    const out = [];
    const sep = path.includes('?') ? '&' : '?';
    for (let offset = 0; offset < cap; offset += 500) {
      const { body, total } = await getJson(path + sep + 'limit=500&offset=' + offset);
      out.push(...body);
      if (body.length < 500 || !(out.length < total)) break;
    }
    return out;
  }

  async function loadState() {
    const [units, tickets, open, breached] = await Promise.all([
      getAll('/units', 5000),
      getAll('/tickets?status=' + STATUSES.map(s => s[0]).join(','), 5000),
      getAll('/timers?state=running,paused', 5000),
      getJson('/timers?state=breached&sort=-dueAt&limit=200').then(r => r.body)
    ]);
    state.units = new Map(units.map(u => [u.id, u.name]));
    state.tickets = new Map(tickets.map(t => [t.id, t]));
    tickets.forEach(t => state.numbers.set(t.id, t.number));
    state.gone.clear();
    state.timers = new Map();
    for (const t of open.concat(breached)) {
      if (showTimer(t)) state.timers.set(t.id, t);
    }
    // The escalations of the most recently breached timers, so a board opened late is not empty.
    const recent = breached.filter(showTimer).slice(0, 8);
    const lists = await Promise.all(recent.map(t => getJson('/timers/' + t.id + '/escalations')
      .then(r => r.body).catch(() => [])));
    state.escalations = [];
    state.escalationIds.clear();
    lists.flat().sort((a, b) => Date.parse(b.escalatedAt) - Date.parse(a.escalatedAt))
      .slice(0, MAX_ESCALATIONS).forEach(e => { state.escalations.push(e); state.escalationIds.add(e.id); });
  }

  // Names for subjects the board has not seen yet (a work order's number and ticket).
  function lookupWorkOrder(id) {
    if (state.workOrders.has(id) || state.lookups.has(id)) return;
    state.lookups.add(id);
    getJson('/work-orders/' + encodeURIComponent(id))
      .then(r => { rememberWorkOrder(r.body); scheduleRender(); })
      .catch(() => {})
      .finally(() => state.lookups.delete(id));
  }

  function lookupTicket(id) {
    if (state.tickets.has(id) || state.gone.has(id) || state.lookups.has(id)) return;
    state.lookups.add(id);
    getJson('/tickets/' + encodeURIComponent(id))
      .then(r => { applyTicket(r.body); scheduleRender(); })
      .catch(() => {})
      .finally(() => state.lookups.delete(id));
  }

  function rememberWorkOrder(w) {
    if (w && w.id) {
      state.workOrders.set(w.id, { number: w.number, ticketId: w.subject && w.subject.type === 'TICKET' ? w.subject.id : null });
    }
  }

  // ---- folding events into state -------------------------------------------------------------------
  function applyTicket(t) {
    if (!t || !t.id || !t.status) return;
    if (t.number) state.numbers.set(t.id, t.number);
    const known = state.tickets.get(t.id);
    const goneAt = state.gone.get(t.id);
    // Ticket payloads carry version: a replayed or held older copy never overwrites a newer one.
    if ((known && known.version > t.version) || (goneAt !== undefined && goneAt >= t.version)) return;
    if (OPEN_STATUS.has(t.status)) {
      state.tickets.set(t.id, t);
    } else {
      state.tickets.delete(t.id);
      state.gone.set(t.id, t.version);
    }
  }

  function showTimer(t) {
    return t.state === 'running' || t.state === 'paused' || (t.state === 'breached' && !t.stoppedAt);
  }

  function applyTimer(t) {
    if (!t || !t.id) return;
    const known = state.timers.get(t.id);
    // Timers have no version; a final state and a warning are never undone by an older copy.
    if (known && FINAL_TIMER.has(known.state) && !FINAL_TIMER.has(t.state)) return;
    if (known && known.warnedAt && !t.warnedAt && t.state === known.state) t.warnedAt = known.warnedAt;
    if (showTimer(t)) {
      state.timers.set(t.id, t);
    } else {
      state.timers.delete(t.id);
    }
  }

  function applyEscalation(e, live) {
    if (!e || !e.id || state.escalationIds.has(e.id)) return;
    e.fresh = live;
    state.escalations.unshift(e);
    state.escalationIds.add(e.id);
    while (state.escalations.length > MAX_ESCALATIONS) {
      state.escalationIds.delete(state.escalations.pop().id);
    }
  }

  function apply(msg, live) {
    const ev = msg.event;
    switch (msg.eventType) {
      case 'TroubleTicketCreateEvent':
      case 'TroubleTicketStatusChangeEvent':
      case 'TroubleTicketAttributeValueChangeEvent':
        applyTicket(ev);
        break;
      case 'WorkOrderStateChangeEvent':
        rememberWorkOrder(ev);
        break;
      case 'TimerStateChangeEvent':
      case 'TimerWarningEvent':
      case 'TimerBreachEvent':
        applyTimer(ev);
        break;
      case 'EscalationEvent':
        applyEscalation(ev, live);
        break;
      default:
        break;
    }
  }

  // ---- the feed ------------------------------------------------------------------------------------
  function feedUrl(since) {
    const proto = location.protocol === 'https:' ? 'wss:' : 'ws:';
    const q = 'topics=' + TOPICS + (since !== null && since !== undefined ? '&since=' + since : '');
    return proto + '//' + location.host + '/ws/feed?' + q;
  }

  function onMessage(data) {
    let msg;
    try {
      msg = JSON.parse(data);
    } catch (err) {
      return;
    }
    if (typeof msg.seq !== 'number') return;
    if (state.lastSeq !== null && msg.seq <= state.lastSeq) return;
    if (state.loading) {
      state.held.push(msg);
      return;
    }
    state.lastSeq = msg.seq;
    state.attempt = 0;
    apply(msg, true);
    scheduleRender();
  }

  /** Opens the socket; with since=null the state is (re)loaded over REST while messages are held. */
  function connect(since) {
    clearTimeout(state.retryTimer);
    const reload = since === null;
    if (reload) {
      state.lastSeq = null;
      state.loading = true;
      state.held = [];
    }
    if (!auth.token || expired(auth.token)) {
      state.loading = false;
      authLost('登录已过期，请重新登录。');
      return;
    }
    setConn('connecting', reload ? '连接中…' : '重新连接中…');
    let ws;
    try {
      ws = new WebSocket(feedUrl(since),
        [CARRIER, encodeURIComponent('quarkus-http-upgrade#Authorization#Bearer ' + auth.token)]);
    } catch (err) {
      retry();
      return;
    }
    state.ws = ws;
    let openedAt = 0;
    ws.onopen = () => {
      openedAt = Date.now();
      if (!reload) {
        setConn('live', '实时');
        return;
      }
      setConn('loading', '加载中…');
      loadState().then(() => {
        if (state.ws !== ws) return;
        state.loading = false;
        const held = state.held;
        state.held = [];
        for (const msg of held) {
          state.lastSeq = msg.seq;
          apply(msg, false);
        }
        state.attempt = 0;
        setConn('live', '实时');
        scheduleRender();
      }).catch(() => {
        if (state.ws === ws) ws.close(4000, 'reload failed');
      });
    };
    ws.onmessage = ev => onMessage(ev.data);
    ws.onclose = ev => {
      if (state.ws !== ws) return;
      state.ws = null;
      if (openedAt && Date.now() - openedAt > 10000) state.attempt = 0;
      if (ev.code === 1008) {
        // The server closes the socket when the token it was opened with expires.
        authLost('登录已过期，请重新登录。');
        return;
      }
      if (ev.code === 4403) {
        state.loading = false;
        setConn('error', '无权查看此大屏');
        showLogin('当前账号无权查看此大屏，请换一个账号登录。').then(() => connect(null));
        return;
      }
      if (!openedAt) {
        // Refused before it opened: when the token is the reason (401 at the upgrade), sign in again.
        accepted(auth.token).then(ok => (ok ? dropped(ev.code) : authLost('登录已失效，请重新登录。')),
          () => dropped(ev.code));
        return;
      }
      dropped(ev.code);
    };
  }

  /** A drop that is not about signing in: reconnect (with since when there is a position). */
  function dropped(code) {
    if (state.ws !== null || auth.lost) return;
    if (code === 4410 || state.loading || state.lastSeq === null) {
      // Events after our position are gone (or we never had one): reload everything, then go live.
      state.loading = false;
      retry(null, code === 4410 ? 0 : undefined);
      return;
    }
    retry(state.lastSeq);
  }

  function retry(since, delayMs) {
    const wait = delayMs !== undefined ? delayMs
      : Math.min(BACKOFF_MAX_MS, BACKOFF_MIN_MS * Math.pow(2, state.attempt)) * (0.8 + Math.random() * 0.4);
    state.attempt = Math.min(state.attempt + 1, 10);
    const until = Date.now() + wait;
    const tick = () => {
      const left = Math.ceil((until - Date.now()) / 1000);
      if (left > 0) setConn('retry', '已断开 · ' + left + ' 秒后重连');
    };
    tick();
    const countdown = setInterval(tick, 500);
    state.retryTimer = setTimeout(() => {
      clearInterval(countdown);
      connect(since === undefined ? null : since);
    }, wait);
  }

  // ---- rendering -----------------------------------------------------------------------------------
  function scheduleRender() {
    if (state.renderQueued) return;
    state.renderQueued = true;
    requestAnimationFrame(() => {
      state.renderQueued = false;
      render();
    });
  }

  function unitName(id) {
    return (id && state.units.get(id)) || '';
  }

  function ticketLabel(id) {
    if (state.numbers.has(id)) return state.numbers.get(id);
    lookupTicket(id);
    return '';
  }

  function subjectLabel(subject) {
    if (!subject) return '';
    const kind = SUBJECT_NAME[subject.type] || subject.type;
    if (subject.type === 'TICKET') {
      return kind + ' ' + (ticketLabel(subject.id) || subject.id.slice(0, 8));
    }
    if (subject.type === 'WORK_ORDER') {
      const w = state.workOrders.get(subject.id);
      if (!w) {
        lookupWorkOrder(subject.id);
        return kind + ' ' + subject.id.slice(0, 8);
      }
      const ticket = w.ticketId ? ticketLabel(w.ticketId) : '';
      return kind + ' ' + (w.number || subject.id.slice(0, 8)) + (ticket ? ' ← ' + ticket : '');
    }
    return kind + ' ' + subject.id.slice(0, 8);
  }

  function render() {
    renderCounts();
    renderTickets();
    renderTimers();
    renderEscalations();
    $('last-seq').textContent = state.lastSeq === null ? '—' : '#' + state.lastSeq;
  }

  function renderCounts() {
    const counts = { GROUP: 0, PROVINCE: 0 };
    STATUSES.forEach(s => { counts[s[0]] = 0; });
    for (const t of state.tickets.values()) {
      counts[t.status] = (counts[t.status] || 0) + 1;
      if (t.scope in counts) counts[t.scope] += 1;
    }
    $('count-open').textContent = state.tickets.size;
    STATUSES.forEach(s => { $('count-' + s[0]).textContent = counts[s[0]]; });
    $('count-GROUP').textContent = counts.GROUP;
    $('count-PROVINCE').textContent = counts.PROVINCE;
    let breached = 0;
    for (const t of state.timers.values()) if (t.state === 'breached') breached += 1;
    $('count-breached').textContent = breached;
    $('count-breached').parentElement.classList.toggle('on', breached > 0);
  }

  function renderTickets() {
    const list = [...state.tickets.values()]
      .sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt));
    const ol = $('tickets');
    const items = list.slice(0, MAX_TICKET_ROWS).map(t => {
      const li = el('li', 'ticket tickets-row');
      li.dataset.ticketId = t.id;
      li.dataset.status = t.status;
      const id = el('span', 'id');
      id.appendChild(el('div', 'number mono ellipsis', t.number));
      id.appendChild(el('div', 'circuit mono ellipsis', t.circuitCode));
      li.appendChild(id);
      li.appendChild(el('span')).appendChild(chip('s-' + t.status, STATUS_NAME[t.status] || t.status));
      li.appendChild(el('span')).appendChild(chip('scope-' + t.scope, SCOPE_NAME[t.scope] || t.scope));
      const who = el('span', 'who');
      who.appendChild(el('div', 'customer ellipsis', t.customerName));
      who.appendChild(el('div', 'direction ellipsis', t.direction));
      li.appendChild(who);
      const since = Date.parse(t.acceptedAt || t.createdAt);
      const ageEl = el('span', 'age mono', age((now() - since) / 1000));
      ageEl.dataset.since = String(since);
      li.appendChild(ageEl);
      return li;
    });
    if (items.length === 0) items.push(el('li', 'empty', '暂无在办故障单'));
    ol.replaceChildren(...items);
    $('tickets-more').textContent = list.length > MAX_TICKET_ROWS ? '另有 ' + (list.length - MAX_TICKET_ROWS) + ' 张未显示' : '';
  }

  function timerOrder(a, b) {
    const rank = t => (t.state === 'breached' ? 0 : t.state === 'running' ? 1 : 2);
    return rank(a) - rank(b) || Date.parse(a.dueAt) - Date.parse(b.dueAt);
  }

  function renderTimers() {
    const list = [...state.timers.values()].sort(timerOrder);
    const ol = $('timers');
    const items = list.slice(0, MAX_TIMER_ROWS).map(t => {
      const li = el('li', 'timer');
      li.dataset.timerId = t.id;
      li.dataset.state = t.state;
      const cd = el('div', 'countdown');
      cd.appendChild(el('span', 'value'));
      cd.appendChild(el('span', 'tag'));
      li.appendChild(cd);
      const what = el('div', 'what');
      const line1 = el('div', 'line1');
      line1.appendChild(el('span', 'ellipsis', KIND_NAME[t.kind] || t.kind));
      if (t.rule) line1.appendChild(chip('rule', t.rule));
      if (t.escalationTier) line1.appendChild(chip('tier-' + t.escalationTier, '已升级 ' + (TIER_NAME[t.escalationTier] || t.escalationTier)));
      what.appendChild(line1);
      what.appendChild(el('div', 'line2 ellipsis', subjectLabel(t.subject)));
      if (t.unitId) what.appendChild(el('div', 'line2 ellipsis', unitName(t.unitId)));
      li.appendChild(what);
      updateTimer(li, t, now());
      return li;
    });
    if (items.length === 0) items.push(el('li', 'empty', '暂无运行中的计时器'));
    ol.replaceChildren(...items);
    $('timers-more').textContent = list.length > MAX_TIMER_ROWS ? '另有 ' + (list.length - MAX_TIMER_ROWS) + ' 个未显示' : '';
  }

  function updateTimer(li, t, nowMs) {
    const value = li.querySelector('.value');
    const tag = li.querySelector('.tag');
    let cls = 'timer';
    if (t.state === 'paused') {
      cls += ' paused';
      value.textContent = duration(t.remainingSeconds || 0);
      tag.textContent = '已暂停';
    } else {
      const left = (Date.parse(t.dueAt) - nowMs) / 1000;
      if (t.state === 'breached') {
        cls += ' breached';
        value.textContent = '+' + duration(-left);
        tag.textContent = '已超时';
      } else if (left <= 0) {
        cls += ' late';
        value.textContent = '+' + duration(-left);
        tag.textContent = '到期';
      } else {
        const warned = t.warnedAt || (t.warnAt && Date.parse(t.warnAt) <= nowMs);
        if (warned) cls += ' warned';
        value.textContent = duration(Math.ceil(left));
        tag.textContent = warned ? '预警 · 剩余' : '剩余';
      }
    }
    li.className = cls;
  }

  function renderEscalations() {
    const ol = $('escalations');
    const items = state.escalations.map(e => {
      const li = el('li', 'escalation' + (e.fresh ? ' fresh' : ''));
      e.fresh = false;
      li.dataset.escalationId = e.id;
      li.dataset.tier = e.tier || '';
      li.dataset.reason = e.reason || '';
      const at = Date.parse(e.escalatedAt);
      const when = el('div', 'when');
      when.appendChild(el('div', 'at mono', Number.isFinite(at) ? clockFmt.format(at) : ''));
      when.appendChild(el('div', 'muted', Number.isFinite(at) ? dateFmt.format(at) : ''));
      li.appendChild(when);
      const body = el('div', 'body');
      const line1 = el('div', 'line1');
      line1.appendChild(chip('tier-' + e.tier, (TIER_NAME[e.tier] || e.tier || '') + ' · 第' + e.level + '级'));
      const timer = e.timerId ? state.timers.get(e.timerId) : null;
      const reason = REASON_NAME[e.reason] || e.reason;
      line1.appendChild(el('span', 'reason', timer && e.reason === 'BREACH' ? (KIND_NAME[timer.kind] || timer.kind) + reason : reason));
      if (timer && timer.rule) line1.appendChild(chip('rule', timer.rule));
      body.appendChild(line1);
      body.appendChild(el('div', 'line2', subjectLabel(e.subject)));
      if (e.unitId) body.appendChild(el('div', 'line2', '督办单位：' + unitName(e.unitId)));
      const told = (e.notifications || []).map(n => ROLE_NAME[n.role] || n.role);
      if (told.length) body.appendChild(el('div', 'line2', '已通知 ' + told.length + ' 人：' + [...new Set(told)].join('、')));
      li.appendChild(body);
      return li;
    });
    if (items.length === 0) items.push(el('li', 'empty', '暂无升级'));
    ol.replaceChildren(...items);
  }

  // Every second: the clock, every countdown and every ticket's age, without rebuilding the lists.
  function tick() {
    const n = now();
    $('clock').textContent = clockFmt.format(n);
    for (const li of $('timers').children) {
      const t = li.dataset.timerId && state.timers.get(li.dataset.timerId);
      if (t) updateTimer(li, t, n);
    }
    for (const span of $('tickets').querySelectorAll('.age')) {
      span.textContent = age((n - Number(span.dataset.since)) / 1000);
    }
  }

  function start() {
    render();
    tick();
    setTimeout(function align() {
      tick();
      setTimeout(align, 1000 - (now() % 1000) + 5);
    }, 1000 - (now() % 1000) + 5);
    bindLogin();
    loadLoginOptions();
    auth.token = sessionStorage.getItem(TOKEN_KEY);
    auth.demoLogin = sessionStorage.getItem(DEMO_KEY);
    auth.subject = auth.token ? (claims(auth.token) || {}).sub || null : null;
    if (auth.token && !expired(auth.token)) {
      signedIn(auth.token, auth.demoLogin);
      connect(null);
      return;
    }
    forgetToken();
    if (auth.demoLogin) {
      authLost('请登录。');
      return;
    }
    showLogin().then(() => connect(null));
  }

  start();
}());
