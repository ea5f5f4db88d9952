/* whodid event explorer: plain JavaScript, no framework, no build step, nothing fetched
 * from elsewhere. Every piece of text from the store is put on the page with textContent
 * (never parsed as HTML), so an article containing markup stays text. */
(function () {
  'use strict';

  const ROOTS = [
    ['01', 'Make public statement'], ['02', 'Appeal'], ['03', 'Express intent to cooperate'],
    ['04', 'Consult'], ['05', 'Engage in diplomatic cooperation'],
    ['06', 'Engage in material cooperation'], ['07', 'Provide aid'], ['08', 'Yield'],
    ['09', 'Investigate'], ['10', 'Demand'], ['11', 'Disapprove'], ['12', 'Reject'],
    ['13', 'Threaten'], ['14', 'Protest'], ['15', 'Exhibit force posture'],
    ['16', 'Reduce relations'], ['17', 'Coerce'], ['18', 'Assault'], ['19', 'Fight'],
    ['20', 'Use unconventional mass violence'],
  ];
  const QUADS = ['', 'verbal cooperation', 'material cooperation', 'verbal conflict',
    'material conflict'];
  const FILTERS = ['actor', 'dyad', 'directed', 'root', 'cameo', 'since', 'until', 'mentions'];
  const SVG = 'http://www.w3.org/2000/svg';

  const state = { offset: 0, limit: 50, order: 'desc', selected: null, world: null,
    mapView: 'fit', places: [], info: null };

  // ------------------------------------------------------------------ helpers

  const $ = (sel) => document.querySelector(sel);

  /** An HTML element; children are nodes or strings (always set as text). */
  function h(tag, props, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(props || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k === 'class') e.className = v;
      else if (k === 'text') e.textContent = v;
      else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
      else e.setAttribute(k, v);
    }
    for (const c of children.flat()) {
      if (c === null || c === undefined || c === false) continue;
      e.appendChild(typeof c === 'string' || typeof c === 'number'
        ? document.createTextNode(String(c)) : c);
    }
    return e;
  }

  /** An SVG element with attributes; `title` becomes a tooltip (text). */
  function s(tag, attrs, ...children) {
    const e = document.createElementNS(SVG, tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined) continue;
      if (k === 'text') e.textContent = v;
      else if (k === 'title') e.appendChild(s('title', { text: v }));
      else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
      else e.setAttribute(k, v);
    }
    for (const c of children.flat()) if (c) e.appendChild(c);
    return e;
  }

  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); return node; }
  function fmt(x, digits) { return x === null || x === undefined ? '' : Number(x).toFixed(digits); }
  function signed(x) { return x === null || x === undefined ? '' : (x > 0 ? '+' : '') + Number(x).toFixed(1); }

  /** Colour of a Goldstein score: red (conflict) through grey to green (cooperation). */
  function goldColour(g) {
    if (g === null || g === undefined || isNaN(g)) return '#9ca3af';
    const t = Math.max(-1, Math.min(1, g / 10));
    const mix = (a, b, u) => Math.round(a + (b - a) * u);
    const grey = [156, 163, 175];
    const end = t < 0 ? [185, 28, 28] : [21, 128, 61];
    const u = Math.abs(t);
    return `rgb(${mix(grey[0], end[0], u)},${mix(grey[1], end[1], u)},${mix(grey[2], end[2], u)})`;
  }

  class ApiError extends Error {
    constructor(status, error, detail) {
      super(detail ? `${error}: ${typeof detail === 'string' ? detail : JSON.stringify(detail)}` : error);
      this.status = status;
    }
  }

  function pending(delta) {
    const n = Number(document.body.dataset.pending || 0) + delta;
    document.body.dataset.pending = String(n);
  }

  async function api(path, params, init) {
    const url = new URL(path, window.location.origin);
    for (const [k, v] of Object.entries(params || {})) {
      if (v === '' || v === null || v === undefined || v === false) continue;
      url.searchParams.set(k, v === true ? 'true' : v);
    }
    pending(1);
    try {
      const r = await fetch(url, Object.assign({ headers: { Accept: 'application/json' } }, init || {}));
      let body = null;
      try { body = await r.json(); } catch (e) { body = { error: r.statusText || 'no answer' }; }
      if (!r.ok) throw new ApiError(r.status, body.error || `HTTP ${r.status}`, body.detail);
      return body;
    } finally {
      pending(-1);
    }
  }

  function showError(err) {
    const box = $('#error');
    if (!err) { box.hidden = true; box.textContent = ''; return; }
    box.hidden = false;
    box.textContent = err.message || String(err);
  }

  // ------------------------------------------------------------------ filters and URL

  function readForm() {
    const f = {};
    for (const name of FILTERS) {
      const input = $('#f-' + name);
      f[name] = input.type === 'checkbox' ? input.checked : input.value.trim();
    }
    return f;
  }

  function writeForm(f) {
    for (const name of FILTERS) {
      const input = $('#f-' + name);
      if (input.type === 'checkbox') input.checked = !!f[name];
      else input.value = f[name] || '';
    }
  }

  function fromUrl() {
    const q = new URLSearchParams(window.location.search);
    const f = {};
    for (const name of FILTERS) {
      const v = q.get(name);
      f[name] = name === 'directed' || name === 'mentions' ? v === 'true' : (v || '');
    }
    writeForm(f);
    state.offset = Math.max(0, parseInt(q.get('offset') || '0', 10) || 0);
    if (q.get('event')) state.selected = q.get('event');
  }

  function toUrl() {
    const f = readForm();
    const q = new URLSearchParams();
    for (const name of FILTERS) if (f[name]) q.set(name, f[name] === true ? 'true' : f[name]);
    if (state.offset) q.set('offset', state.offset);
    if (state.selected) q.set('event', state.selected);
    const qs = q.toString();
    window.history.replaceState(null, '', qs ? '?' + qs : window.location.pathname);
  }

  function filterParams() {
    const f = readForm();
    const p = {};
    for (const name of FILTERS) p[name] = f[name];
    return p;
  }

  // ------------------------------------------------------------------ highlighted text

  /**
   * Text with highlighted spans (code-point offsets, possibly overlapping), as a fragment of
   * text nodes and <span>s whose words are set with textContent.
   */
  function highlighted(text, spans, focus) {
    const chars = Array.from(text || '');
    const n = chars.length;
    const valid = (spans || []).filter((x) => Number.isInteger(x.start) && Number.isInteger(x.end)
      && x.start >= 0 && x.end <= n && x.start < x.end);
    const cuts = new Set([0, n]);
    for (const x of valid) { cuts.add(x.start); cuts.add(x.end); }
    const points = Array.from(cuts).sort((a, b) => a - b);
    const frag = document.createDocumentFragment();
    for (let i = 0; i < points.length - 1; i++) {
      const a = points[i];
      const b = points[i + 1];
      const piece = chars.slice(a, b).join('');
      const on = valid.filter((x) => x.start <= a && x.end >= b);
      if (!on.length) { frag.appendChild(document.createTextNode(piece)); continue; }
      const span = document.createElement('span');
      span.textContent = piece;
      for (const x of on) {
        span.classList.add('hl-' + x.kind);
        if (x.role) span.classList.add('role-' + x.role);
        const ids = x.event_ids || (x.event_id ? [x.event_id] : []);
        if (focus && ids.includes(focus)) span.classList.add('focus');
      }
      const ids = new Set();
      for (const x of on) for (const id of x.event_ids || []) ids.add(id);
      if (ids.size) span.dataset.events = Array.from(ids).join(' ');
      span.title = on.map((x) => x.label).filter(Boolean).join(' · ');
      frag.appendChild(span);
    }
    return frag;
  }

  // ------------------------------------------------------------------ events table

  async function loadEvents() {
    const tbody = $('#events-table tbody');
    const params = Object.assign(filterParams(), {
      limit: state.limit, offset: state.offset, order: state.order });
    const data = await api('/api/events', params);
    clear(tbody);
    if (!data.events.length) {
      tbody.appendChild(h('tr', {}, h('td', { class: 'empty', colspan: 7, text: 'No events match.' })));
    }
    for (const e of data.events) {
      const tr = h('tr', { 'data-id': e.id, 'data-event': e.event_id, onclick: () => openEvent(e.id) },
        h('td', { class: 'quad q' + (e.quad_class || 0) }, e.date || '—'),
        h('td', { class: 'code' }, e.source_code || '?', h('span', { class: 'name', text: e.source_name || '' })),
        h('td', { class: 'code' }, e.target_code || '—', h('span', { class: 'name', text: e.target_name || '' })),
        h('td', {}, h('span', { class: 'code', text: e.cameo + ' ' }), e.label || ''),
        h('td', { class: 'num', text: signed(e.goldstein) }),
        h('td', { class: 'num', text: e.num_mentions || '' }),
        h('td', { text: e.location_name || '' }));
      if (e.id === state.selected) tr.classList.add('selected');
      tbody.appendChild(tr);
    }
    const end = state.offset + data.events.length;
    const unit = readForm().mentions ? 'mentions' : 'events';
    $('#events-count').textContent = `${data.total.toLocaleString('en')} ${unit}`;
    $('#page-info').textContent = data.total ? `${state.offset + 1}–${end} of ${data.total.toLocaleString('en')}` : '';
    $('#prev').disabled = state.offset === 0;
    $('#next').disabled = end >= data.total;
  }

  // ------------------------------------------------------------------ one event

  async function openEvent(id) {
    state.selected = id;
    toUrl();
    for (const tr of document.querySelectorAll('#events-table tbody tr')) {
      tr.classList.toggle('selected', tr.dataset.id === id);
    }
    try {
      const ev = await api('/api/events/' + encodeURIComponent(id));
      renderEvent(ev);
      await openArticle(ev.doc_id, ev.event_id);
    } catch (err) { showError(err); }
  }

  function renderEvent(ev) {
    const box = clear($('#event-detail'));
    box.dataset.event = ev.event_id;
    const src = ev.source || {};
    const tgt = ev.target;
    box.appendChild(h('div', { class: 'headline' },
      `${src.code || 'unresolved'} → ${tgt ? (tgt.code || 'unresolved') : '(no target)'}: `,
      `${ev.cameo} ${ev.label || ''}`));
    if (ev.sentence) {
      const p = h('p', { class: 'sentence' });
      p.appendChild(highlighted(ev.sentence.text, ev.sentence.highlights, ev.event_id));
      box.appendChild(p);
    }
    const evd = ev.evidence || {};
    const loc = ev.location;
    const rows = [
      ['Date', [ev.date || 'unknown', ev.date_precision ? ` (${ev.date_precision})` : '',
        ev.date_text ? ` from “${ev.date_text}”` : ''].join('')],
      ['Source', [src.code, src.name, src.text && `“${src.text}”`].filter(Boolean).join(' · ')],
      ['Target', tgt ? [tgt.code || 'unresolved', tgt.name, tgt.text && `“${tgt.text}”`].filter(Boolean).join(' · ') : '—'],
      ['CAMEO', `${ev.cameo} ${ev.label || ''} (root ${ev.root})`],
      ['Goldstein', signed(ev.goldstein)],
      ['Quad class', ev.quad_class ? `${ev.quad_class} ${QUADS[ev.quad_class]}` : ''],
      ['PLOVER', ev.plover || '—'],
      ['Trigger', `“${evd.trigger || ''}” (characters ${ev.span[0]}–${ev.span[1]})`],
      ['Rule', evd.rule || ''],
      ['Mode', `${evd.mode || ''}${evd.reciprocal ? ', reciprocal' : ''}`],
      ['Place', loc ? `${loc.name || ''} ${loc.country ? '(' + loc.country + ')' : ''} ${loc.lat != null ? fmt(loc.lat, 2) + ', ' + fmt(loc.lon, 2) : ''}` : '—'],
      ['Article', `${ev.doc_title || ev.doc_id}${ev.doc_source ? ' — ' + ev.doc_source : ''}`],
    ];
    if (evd.notes && evd.notes.length) rows.push(['Notes', evd.notes.join('; ')]);
    const dl = h('dl', { class: 'fields' });
    for (const [k, v] of rows) { dl.appendChild(h('dt', { text: k })); dl.appendChild(h('dd', { text: v })); }
    box.appendChild(dl);
    if (ev.cluster && ev.mentions && ev.mentions.length > 1) {
      const arts = ev.cluster.num_articles;
      box.appendChild(h('div', {}, `Reported ${ev.cluster.num_mentions} times in ${arts} article${arts === 1 ? '' : 's'}:`));
      const ul = h('ul', { class: 'mentions' });
      for (const m of ev.mentions) {
        ul.appendChild(h('li', {},
          h('button', { type: 'button', class: 'link', onclick: () => openEvent(m.event_id),
            text: `${m.date || ''} ${m.doc_title || m.doc_id}` }),
          m.event_id === ev.event_id ? ' (this one)' : '',
          h('div', { class: 'muted', text: m.sentence || '' })));
      }
      box.appendChild(ul);
    }
  }

  async function openArticle(docId, focus) {
    const a = await api('/api/articles/' + encodeURIComponent(docId));
    const box = clear($('#article-view'));
    box.dataset.doc = a.doc_id;
    box.appendChild(h('h3', { text: a.title || a.doc_id }));
    const meta = [a.date, a.source, `${a.n_events} events, ${a.n_quotes} quotes`].filter(Boolean).join(' · ');
    box.appendChild(h('div', { class: 'meta' }, meta,
      a.url ? ' · ' : '', a.url ? h('span', { class: 'url', text: a.url }) : ''));
    const text = h('div', { class: 'article-text', id: 'article-text' });
    text.appendChild(highlighted(a.text, a.highlights, focus));
    if (a.truncated) text.appendChild(h('p', { class: 'muted', text: '(text cut here)' }));
    box.appendChild(text);
    const first = text.querySelector('.focus');
    if (first) text.scrollTop = Math.max(0, first.offsetTop - text.clientHeight / 3);
  }

  // ------------------------------------------------------------------ time series

  function nextPeriod(d, by) {
    const x = new Date(d.getTime());
    if (by === 'day') x.setUTCDate(x.getUTCDate() + 1);
    else if (by === 'week') x.setUTCDate(x.getUTCDate() + 7);
    else if (by === 'month') x.setUTCMonth(x.getUTCMonth() + 1);
    else x.setUTCFullYear(x.getUTCFullYear() + 1);
    return x;
  }

  /** Dated rows with empty periods filled in (a gap is a zero, not a missing bar). */
  function fillPeriods(rows, by) {
    const dated = rows.filter((r) => r.period);
    if (dated.length < 2) return dated;
    const byKey = new Map(dated.map((r) => [r.period, r]));
    const out = [];
    let d = new Date(dated[0].period + 'T00:00:00Z');
    const last = new Date(dated[dated.length - 1].period + 'T00:00:00Z');
    while (d <= last && out.length < 3000) {
      const key = d.toISOString().slice(0, 10);
      out.push(byKey.get(key) || { period: key, events: 0, verbal_cooperation: 0,
        material_cooperation: 0, verbal_conflict: 0, material_conflict: 0, goldstein_mean: null });
      d = nextPeriod(d, by);
    }
    return out.length >= 3000 ? dated : out;
  }

  function periodLabel(p, by) {
    if (by === 'year') return p.slice(0, 4);
    if (by === 'month') return p.slice(0, 7);
    return p;
  }

  async function loadSeries() {
    const f = filterParams();
    const by = $('#series-by').value;
    let data;
    if (f.dyad && f.dyad.includes('-')) {
      const [a, b] = f.dyad.split('-', 2);
      const p = Object.assign({}, f, { dyad: '', by });
      data = await api(`/api/dyads/${encodeURIComponent(a.trim())}/${encodeURIComponent(b.trim())}/series`, p);
      $('#series-title').textContent = `dyad ${data.dyad}${f.directed ? ' (directed)' : ''}, by ${by}`;
    } else {
      data = await api('/api/series', Object.assign({}, f, { by }));
      $('#series-title').textContent = `all selected events, by ${by}`;
    }
    drawSeries(data.series, by);
  }

  function niceMax(v) {
    if (v <= 0) return 1;
    const p = Math.pow(10, Math.floor(Math.log10(v)));
    for (const m of [1, 2, 2.5, 5, 10]) if (m * p >= v) return m * p;
    return 10 * p;
  }

  function drawSeries(rows, by) {
    const box = clear($('#series-chart'));
    const undated = rows.filter((r) => !r.period).reduce((n, r) => n + r.events, 0);
    const data = fillPeriods(rows, by);
    if (!data.length) { box.appendChild(h('div', { class: 'empty-chart', text: 'No dated events.' })); return; }
    const W = Math.max(480, box.clientWidth || 900);
    const H = 260;
    const m = { l: 44, r: 40, t: 22, b: 36 };
    const iw = W - m.l - m.r;
    const ih = H - m.t - m.b;
    const ymax = niceMax(Math.max(...data.map((r) => r.events)));
    const bw = Math.min(iw / data.length, 90);
    const x0 = m.l + (iw - bw * data.length) / 2;
    const svg = s('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': 'events per period' });
    const grid = s('g', { class: 'grid' });
    const axis = s('g', { class: 'axis' });
    for (let i = 0; i <= 4; i++) {
      const v = (ymax * i) / 4;
      const y = m.t + ih - (ih * i) / 4;
      grid.appendChild(s('line', { x1: m.l, x2: m.l + iw, y1: y, y2: y }));
      axis.appendChild(s('text', { x: m.l - 6, y: y + 4, 'text-anchor': 'end', text: Number.isInteger(v) ? v : v.toFixed(1) }));
      const g = -10 + 5 * i;
      axis.appendChild(s('text', { x: m.l + iw + 6, y: y + 4, text: (g > 0 ? '+' : '') + g }));
    }
    svg.appendChild(grid);
    const bars = s('g', { class: 'bars' });
    const keys = ['verbal_cooperation', 'material_cooperation', 'verbal_conflict', 'material_conflict'];
    data.forEach((r, i) => {
      const x = x0 + i * bw + Math.min(2, bw * 0.1);
      const w = Math.max(1, bw - 2 * Math.min(2, bw * 0.1));
      let y = m.t + ih;
      const tip = `${periodLabel(r.period, by)}: ${r.events} events` +
        keys.map((k, q) => `\n${QUADS[q + 1]}: ${r[k] || 0}`).join('') +
        (r.goldstein_mean !== null && r.goldstein_mean !== undefined ? `\nmean Goldstein ${signed(r.goldstein_mean)}` : '');
      const group = s('g', { class: 'period', 'data-period': r.period, title: tip });
      keys.forEach((k, q) => {
        const hgt = (ih * (r[k] || 0)) / ymax;
        if (hgt <= 0) return;
        y -= hgt;
        group.appendChild(s('rect', { class: `bar q${q + 1}`, x, y, width: w, height: hgt }));
      });
      bars.appendChild(group);
    });
    svg.appendChild(bars);
    // x labels: at most ~12
    const step = Math.max(1, Math.ceil(data.length / 12));
    data.forEach((r, i) => {
      if (i % step) return;
      const x = x0 + i * bw + bw / 2;
      axis.appendChild(s('text', { x, y: m.t + ih + 16, 'text-anchor': 'middle', text: periodLabel(r.period, by) }));
    });
    axis.appendChild(s('line', { x1: m.l, x2: m.l + iw, y1: m.t + ih, y2: m.t + ih }));
    axis.appendChild(s('text', { x: m.l - 6, y: 10, 'text-anchor': 'end', text: 'events' }));
    axis.appendChild(s('text', { x: W - 2, y: 10, 'text-anchor': 'end', text: 'Goldstein' }));
    svg.appendChild(axis);
    // mean Goldstein on the right axis (-10 … +10)
    const gy = (g) => m.t + ih - ((g + 10) / 20) * ih;
    const pts = data.map((r, i) => (r.goldstein_mean === null || r.goldstein_mean === undefined || !r.events)
      ? null : [x0 + i * bw + bw / 2, gy(r.goldstein_mean)]);
    let d = '';
    let pen = false;
    for (const p of pts) {
      if (!p) { pen = false; continue; }
      d += `${pen ? 'L' : 'M'}${p[0].toFixed(1)},${p[1].toFixed(1)}`;
      pen = true;
    }
    if (d) svg.appendChild(s('path', { class: 'gline', d }));
    const dots = s('g', {});
    pts.forEach((p, i) => { if (p) dots.appendChild(s('circle', { class: 'gdot', cx: p[0], cy: p[1], r: 2.5, title: `mean Goldstein ${signed(data[i].goldstein_mean)}` })); });
    svg.appendChild(dots);
    svg.appendChild(s('line', { x1: m.l, x2: m.l + iw, y1: gy(0), y2: gy(0), stroke: '#c4b5fd', 'stroke-dasharray': '3 3' }));
    box.appendChild(svg);
    if (undated) box.appendChild(h('div', { class: 'muted', text: `${undated} undated events not shown.` }));
  }

  // ------------------------------------------------------------------ network

  async function loadNetwork() {
    const level = $('#network-level').value;
    const data = await api('/api/network', Object.assign(filterParams(), { level, nodes: 30, edges: 120 }));
    $('#network-title').textContent = data.nodes.length
      ? `${data.nodes.length} of ${data.total_actors} actors, the ${data.edges.length} strongest of ${data.total_edges} links` : '';
    drawNetwork(data);
  }

  /** A small deterministic force layout (nodes start on a circle, by activity). */
  function layout(nodes, edges, W, H) {
    const n = nodes.length;
    const idx = new Map(nodes.map((d, i) => [d.id, i]));
    const pos = nodes.map((d, i) => {
      const a = (2 * Math.PI * i) / n;
      return { x: W / 2 + (W / 3) * Math.cos(a), y: H / 2 + (H / 3) * Math.sin(a), vx: 0, vy: 0 };
    });
    const links = edges.map((e) => [idx.get(e.source), idx.get(e.target)]).filter((l) => l[0] !== undefined && l[1] !== undefined);
    const k = Math.sqrt((W * H) / Math.max(1, n)) * 0.6;
    for (let it = 0; it < 300; it++) {
      const t = 1 - it / 300;
      for (let i = 0; i < n; i++) {
        for (let j = i + 1; j < n; j++) {
          let dx = pos[i].x - pos[j].x;
          let dy = pos[i].y - pos[j].y;
          let d2 = dx * dx + dy * dy;
          if (d2 < 0.01) { dx = 0.1 * (i - j); dy = 0.1; d2 = dx * dx + dy * dy; }
          const f = (k * k) / d2;
          pos[i].vx += dx * f * 0.05; pos[i].vy += dy * f * 0.05;
          pos[j].vx -= dx * f * 0.05; pos[j].vy -= dy * f * 0.05;
        }
      }
      for (const [a, b] of links) {
        const dx = pos[b].x - pos[a].x;
        const dy = pos[b].y - pos[a].y;
        const d = Math.sqrt(dx * dx + dy * dy) || 1;
        const f = (d - k) / d * 0.05;
        pos[a].vx += dx * f; pos[a].vy += dy * f;
        pos[b].vx -= dx * f; pos[b].vy -= dy * f;
      }
      for (const p of pos) {
        p.vx += (W / 2 - p.x) * 0.01; p.vy += (H / 2 - p.y) * 0.01;
        const v = Math.sqrt(p.vx * p.vx + p.vy * p.vy);
        const cap = 20 * t + 1;
        if (v > cap) { p.vx *= cap / v; p.vy *= cap / v; }
        p.x += p.vx; p.y += p.vy; p.vx *= 0.5; p.vy *= 0.5;
      }
    }
    // fit into the box
    const pad = 40;
    const xs = pos.map((p) => p.x);
    const ys = pos.map((p) => p.y);
    const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
    const sc = Math.min((W - 2 * pad) / Math.max(1, x1 - x0), (H - 2 * pad) / Math.max(1, y1 - y0), 3);
    const ox = (W - (x1 - x0) * sc) / 2;
    const oy = (H - (y1 - y0) * sc) / 2;
    return pos.map((p) => ({ x: ox + (p.x - x0) * sc, y: oy + (p.y - y0) * sc }));
  }

  function drawNetwork(data) {
    const box = clear($('#network'));
    if (!data.nodes.length) { box.appendChild(h('div', { class: 'empty-chart', text: 'No actor pairs.' })); return; }
    const W = Math.max(360, box.clientWidth || 560);
    const H = Math.round(W * 0.72);
    const pos = layout(data.nodes, data.edges, W, H);
    const at = new Map(data.nodes.map((d, i) => [d.id, i]));
    const maxNode = Math.max(...data.nodes.map((d) => d.count));
    const maxEdge = Math.max(1, ...data.edges.map((e) => e.count));
    const radius = data.nodes.map((d) => 4 + 12 * Math.sqrt(d.count / maxNode));
    const svg = s('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': 'actor network' });
    const defs = s('defs', {});
    defs.appendChild(s('marker', { id: 'arrow', viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 6,
      markerHeight: 6, orient: 'auto-start-reverse', markerUnits: 'userSpaceOnUse' },
    s('path', { d: 'M0,0 L10,5 L0,10 z', fill: '#6b7280' })));
    svg.appendChild(defs);
    const edges = s('g', {});
    for (const e of data.edges) {
      const a = pos[at.get(e.source)];
      const b = pos[at.get(e.target)];
      if (!a || !b) continue;
      const dx = b.x - a.x;
      const dy = b.y - a.y;
      const d = Math.sqrt(dx * dx + dy * dy) || 1;
      const rb = radius[at.get(e.target)] + 3;
      const ex = b.x - (dx / d) * rb;
      const ey = b.y - (dy / d) * rb;
      const cx = (a.x + ex) / 2 - (dy / d) * d * 0.12;
      const cy = (a.y + ey) / 2 + (dx / d) * d * 0.12;
      edges.appendChild(s('path', {
        class: 'edge', d: `M${a.x.toFixed(1)},${a.y.toFixed(1)} Q${cx.toFixed(1)},${cy.toFixed(1)} ${ex.toFixed(1)},${ey.toFixed(1)}`,
        stroke: goldColour(e.goldstein), 'stroke-width': (1 + 5 * Math.sqrt(e.count / maxEdge)).toFixed(2),
        'marker-end': 'url(#arrow)', 'data-source': e.source, 'data-target': e.target,
        title: `${e.source} → ${e.target}: ${e.count} events, mean Goldstein ${signed(e.goldstein)}`,
      }));
    }
    svg.appendChild(edges);
    const nodes = s('g', {});
    data.nodes.forEach((node, i) => {
      const p = pos[i];
      const g = s('g', { class: 'node', 'data-id': node.id,
        onclick: () => { $('#f-actor').value = node.id; $('#f-dyad').value = ''; apply(); } },
      s('circle', { cx: p.x, cy: p.y, r: radius[i], fill: '#3b82f6',
        title: `${node.id}${node.name ? ' ' + node.name : ''}: ${node.count} events (click to filter)` }),
      s('text', { x: p.x + radius[i] + 3, y: p.y + 4, text: node.id }));
      nodes.appendChild(g);
    });
    svg.appendChild(nodes);
    box.appendChild(svg);
  }

  // ------------------------------------------------------------------ map

  async function loadWorld() {
    if (state.world) return state.world;
    const r = await fetch('/static/world.json');
    const geo = await r.json();
    state.world = geo.features.map((f) => {
      let d = '';
      for (const poly of f.geometry.coordinates) {
        for (const ring of poly) {
          d += ring.map((p, i) => `${i ? 'L' : 'M'}${p[0]},${-p[1]}`).join('') + 'Z';
        }
      }
      return { name: f.properties.name, iso: f.properties.iso_a3, d };
    });
    return state.world;
  }

  async function loadMap() {
    const [world, data] = await Promise.all([loadWorld(), api('/api/map', filterParams())]);
    state.places = data.places;
    $('#map-title').textContent = `${data.located.toLocaleString('en')} of ${data.total.toLocaleString('en')} located`;
    drawMap(world, data.places);
  }

  function mapBox(places) {
    if (state.mapView === 'world' || !places.length) return [-180, -60, 360, 145];
    let [x0, x1, y0, y1] = [180, -180, 90, -90];
    for (const p of places) {
      x0 = Math.min(x0, p.lon); x1 = Math.max(x1, p.lon);
      y0 = Math.min(y0, -p.lat); y1 = Math.max(y1, -p.lat);
    }
    let w = Math.max(40, (x1 - x0) * 1.3);
    let hgt = Math.max(20, (y1 - y0) * 1.3);
    if (w / hgt > 2) hgt = w / 2; else w = hgt * 2;
    const cx = (x0 + x1) / 2;
    const cy = (y0 + y1) / 2;
    return [cx - w / 2, cy - hgt / 2, w, hgt];
  }

  function drawMap(world, places) {
    const box = clear($('#map'));
    const [x, y, w, hgt] = mapBox(places);
    const svg = s('svg', { viewBox: `${x} ${y} ${w} ${hgt}`, role: 'img', 'aria-label': 'map of located events', preserveAspectRatio: 'xMidYMid meet' });
    const land = s('g', { class: 'land' });
    for (const c of world) land.appendChild(s('path', { class: 'country', d: c.d, 'data-iso': c.iso, title: c.name }));
    svg.appendChild(land);
    const maxN = Math.max(1, ...places.map((p) => p.count));
    const scale = w / 360;
    const dots = s('g', { class: 'places' });
    for (const p of places.slice().sort((a, b) => b.count - a.count)) {
      dots.appendChild(s('circle', {
        class: 'place', cx: p.lon, cy: -p.lat, r: ((1.2 + 6 * Math.sqrt(p.count / maxN)) * scale).toFixed(3),
        fill: goldColour(p.goldstein), 'data-name': p.name || '',
        title: `${p.name || 'unnamed place'}${p.country ? ' (' + p.country + ')' : ''}: ${p.count} events, mean Goldstein ${signed(p.goldstein)}`,
      }));
    }
    svg.appendChild(dots);
    box.appendChild(svg);
    if (!places.length) box.appendChild(h('div', { class: 'muted', text: 'No located events for these filters.' }));
  }

  // ------------------------------------------------------------------ code a text

  async function codeText(ev) {
    ev.preventDefault();
    const text = $('#code-text').value;
    const date = $('#code-date').value;
    const out = clear($('#code-result'));
    const status = $('#code-status');
    if (!text.trim()) { status.textContent = 'Paste a text first.'; return; }
    status.textContent = 'coding… (the first text loads the coder: a few seconds)';
    $('#code-submit').disabled = true;
    try {
      const res = await api('/api/code', {}, {
        method: 'POST', headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify(date ? { text, date } : { text }),
      });
      status.textContent = `${res.events.length} events, ${res.quotes.length} quotes (not stored)`;
      const div = h('div', { class: 'article-text', id: 'code-text-view' });
      div.appendChild(highlighted(res.text, res.highlights, null));
      out.appendChild(div);
      if (res.events.length) {
        const t = h('table', { id: 'code-events' }, h('thead', {}, h('tr', {},
          ['Source', 'Target', 'Event', 'G', 'Trigger', 'Rule'].map((x) => h('th', { text: x })))));
        const tb = h('tbody');
        for (const e of res.events) {
          tb.appendChild(h('tr', {},
            h('td', { class: 'code', text: (e.source && e.source.code) || '?' }),
            h('td', { class: 'code', text: e.target ? (e.target.code || 'unresolved') : '—' }),
            h('td', {}, h('span', { class: 'code', text: e.cameo + ' ' }), e.label || ''),
            h('td', { class: 'num', text: signed(e.goldstein) }),
            h('td', { text: e.evidence.trigger }),
            h('td', { class: 'code', text: e.evidence.rule })));
        }
        t.appendChild(tb);
        out.appendChild(t);
      }
      if (res.quotes.length) {
        const ul = h('ul', { class: 'mentions' });
        for (const q of res.quotes) {
          const who = q.speaker ? (q.speaker.code || q.speaker.name || q.speaker.text) : 'unknown';
          ul.appendChild(h('li', {}, h('b', { text: who + ': ' }), `“${q.text}”`));
        }
        out.appendChild(h('div', {}, 'Quotes:', ul));
      }
    } catch (err) {
      status.textContent = err.message;
    } finally {
      $('#code-submit').disabled = false;
    }
  }

  // ------------------------------------------------------------------ wiring

  async function refresh() {
    showError(null);
    const jobs = [loadEvents(), loadSeries(), loadNetwork(), loadMap()];
    const results = await Promise.allSettled(jobs);
    const failed = results.find((r) => r.status === 'rejected');
    if (failed) showError(failed.reason);
    document.body.dataset.loaded = String(Number(document.body.dataset.loaded || 0) + 1);
  }

  function apply(ev) {
    if (ev) ev.preventDefault();
    state.offset = 0;
    toUrl();
    return refresh();
  }

  async function loadInfo() {
    const info = await api('/api/info');
    state.info = info;
    const span = info.first_date ? `, ${info.first_date} to ${info.last_date}` : '';
    $('#store-info').textContent = `${info.database}: ${info.clusters.toLocaleString('en')} events ` +
      `(${info.mentions.toLocaleString('en')} mentions) from ${info.documents.toLocaleString('en')} articles${span}`;
  }

  async function loadActors() {
    const data = await api('/api/actors', { limit: 1000 });
    const list = clear($('#actor-codes'));
    for (const a of data.actors) list.appendChild(h('option', { value: a.code, label: `${a.code} ${a.name || ''}` }));
  }

  function init() {
    const root = $('#f-root');
    for (const [code, label] of ROOTS) root.appendChild(h('option', { value: code, text: `${code} ${label}` }));
    fromUrl();
    $('#filters').addEventListener('submit', apply);
    $('#reset').addEventListener('click', () => { writeForm({}); apply(); });
    $('#prev').addEventListener('click', () => { state.offset = Math.max(0, state.offset - state.limit); toUrl(); loadEvents().catch(showError); });
    $('#next').addEventListener('click', () => { state.offset += state.limit; toUrl(); loadEvents().catch(showError); });
    $('#page-size').addEventListener('change', (e) => { state.limit = Number(e.target.value); state.offset = 0; loadEvents().catch(showError); });
    $('#order').addEventListener('change', (e) => { state.order = e.target.value; state.offset = 0; loadEvents().catch(showError); });
    $('#series-by').addEventListener('change', () => loadSeries().catch(showError));
    $('#network-level').addEventListener('change', () => loadNetwork().catch(showError));
    $('#map-world').addEventListener('click', () => {
      state.mapView = state.mapView === 'world' ? 'fit' : 'world';
      $('#map-world').textContent = state.mapView === 'world' ? 'fit to events' : 'whole world';
      if (state.world) drawMap(state.world, state.places);
    });
    $('#code-form').addEventListener('submit', codeText);
    loadInfo().catch(showError);
    refresh().then(() => {
      if (state.selected) openEvent(state.selected);
      return loadActors();
    }).catch(showError);
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
  else init();
})();
