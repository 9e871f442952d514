// BrainKit live view: the network graph, live plots and sliders. Talks to the server over
// /model.json (the model) and the WebSocket /live (binary frames in, JSON commands out).
"use strict";

const COLORS = ["#3b6fe0", "#e0563b", "#2a9d5b", "#9b4fd1", "#d98a00", "#1aa3b8", "#c2408a", "#6b7487"];
const WINDOW = { value: 2.0, xy: 0.5, spikes: 1.0, voltage: 0.5, similarity: 2.0 };
const SVGNS = "http://www.w3.org/2000/svg";

const state = {
  model: null, socket: null, connected: false, running: false, time: 0, rate: 0, step: 0,
  framesReceived: 0, framesDropped: 0, channels: new Map(), plots: [], collapsed: new Set(),
  watchCounts: new Map(), nextPlot: 0, lastFrameAt: 0,
};
window.brainkit = state; // for tests and the console

// MARK: - Channels: the newest samples of each watched probe

class ChannelData {
  constructor(entry, dt) {
    this.size = entry.size;
    this.capacity = Math.max(64, Math.ceil(2.5 / dt));
    this.values = new Float32Array(this.capacity * Math.max(1, this.size));
    this.steps = new Float64Array(this.capacity);
    // The steps between this row and the row the server sampled before it.
    this.strides = new Float64Array(this.capacity);
    this.head = 0;
    this.count = 0;
  }
  push(step, row, stride) {
    this.values.set(row, this.head * this.size);
    this.steps[this.head] = step;
    this.strides[this.head] = stride;
    this.head = (this.head + 1) % this.capacity;
    this.count = Math.min(this.count + 1, this.capacity);
  }
  clear() { this.head = 0; this.count = 0; }
  // Calls fn(step, offset, joined) for each row newer than fromStep, oldest first; joined is
  // false where rows are missing before this one (frames the page lost, a reconnection, rows
  // the server overwrote), so lines break there instead of bridging the gap.
  forEach(fromStep, fn) {
    let i = (this.head - this.count + this.capacity) % this.capacity;
    let previous = -1;
    for (let k = 0; k < this.count; k++) {
      if (this.steps[i] >= fromStep) {
        const gap = previous >= 0 ? this.steps[i] - this.steps[previous] : 0;
        const joined = gap > 0 && gap <= Math.max(this.strides[i], this.strides[previous]);
        fn(this.steps[i], i * this.size, joined);
        previous = i;
      }
      i = (i + 1) % this.capacity;
    }
  }
  latest() {
    if (this.count === 0) return null;
    const i = (this.head - 1 + this.capacity) % this.capacity;
    return Array.from(this.values.subarray(i * this.size, (i + 1) * this.size));
  }
}

function watch(channel) {
  const n = state.watchCounts.get(channel) || 0;
  state.watchCounts.set(channel, n + 1);
  if (!state.channels.has(channel)) state.channels.set(channel, new ChannelData(state.model.channels[channel], state.model.dt));
  if (n === 0) send({ cmd: "watch", channel });
}

function unwatch(channel) {
  const n = (state.watchCounts.get(channel) || 0) - 1;
  if (n > 0) { state.watchCounts.set(channel, n); return; }
  state.watchCounts.delete(channel);
  state.channels.delete(channel);
  send({ cmd: "unwatch", channel });
}

// MARK: - Connection

function send(command) {
  if (state.socket && state.socket.readyState === WebSocket.OPEN) state.socket.send(JSON.stringify(command));
}

function connect() {
  const socket = new WebSocket(`ws://${location.host}/live`);
  socket.binaryType = "arraybuffer";
  state.socket = socket;
  socket.onopen = () => {
    state.connected = true;
    setConnection(true);
    for (const channel of state.watchCounts.keys()) send({ cmd: "watch", channel });
  };
  socket.onclose = () => {
    state.connected = false;
    setConnection(false);
    setTimeout(connect, 1000);
  };
  socket.onmessage = (event) => {
    if (typeof event.data === "string") onMessage(JSON.parse(event.data));
    else onFrame(event.data);
  };
}

function setConnection(on) {
  const el = document.getElementById("connection");
  el.textContent = on ? "connected" : "disconnected";
  el.className = "connection " + (on ? "on" : "off");
}

function onFrame(buffer) {
  const view = new DataView(buffer);
  if (buffer.byteLength < 40 || view.getUint32(0, true) !== 0x31564B42) return;
  const running = (view.getUint32(4, true) & 1) === 1;
  const count = view.getUint32(8, true);
  state.framesDropped = view.getUint32(12, true);
  state.time = view.getFloat64(16, true);
  state.rate = view.getFloat64(24, true);
  const step = view.getFloat64(32, true);
  if (step < state.step) for (const data of state.channels.values()) data.clear();
  state.step = step;
  state.framesReceived += 1;
  state.lastFrameAt = performance.now();
  let offset = 40;
  for (let c = 0; c < count && offset + 24 <= buffer.byteLength; c++) {
    const id = view.getUint32(offset, true), rows = view.getUint32(offset + 4, true), size = view.getUint32(offset + 8, true);
    const stride = Math.max(1, view.getUint32(offset + 12, true)), last = view.getFloat64(offset + 16, true);
    offset += 24;
    const floats = new Float32Array(buffer, offset, rows * size);
    offset += rows * size * 4;
    const data = state.channels.get(id);
    if (!data || data.size !== size) continue;
    for (let r = 0; r < rows; r++) data.push(last - (rows - 1 - r) * stride, floats.subarray(r * size, (r + 1) * size), stride);
  }
  if (running !== state.running) { state.running = running; updatePlayButton(); }
}

function onMessage(message) {
  if (message.type === "error") {
    toast(message.message);
    if (message.object !== undefined) {
      for (const plot of state.plots) if (plot.kind === "slider" && plot.object.id === message.object) plot.showError(message.message);
    }
  } else if (message.type === "set") {
    for (const plot of state.plots) if (plot.kind === "slider" && plot.object.id === message.object) plot.accepted(message.values);
  } else if (message.type === "reset") {
    for (const data of state.channels.values()) data.clear();
    for (const plot of state.plots) if (plot.kind === "slider") plot.restore();
  }
}

function toast(text) {
  const el = document.createElement("div");
  el.className = "toast";
  el.textContent = text;
  document.getElementById("toasts").appendChild(el);
  setTimeout(() => el.remove(), 6000);
}

// MARK: - Toolbar

function updatePlayButton() {
  const button = document.getElementById("play");
  button.textContent = state.running ? "❚❚" : "▶";
  button.classList.toggle("running", state.running);
}

function setupToolbar() {
  document.getElementById("play").onclick = () => {
    state.running = !state.running;
    send({ cmd: state.running ? "play" : "pause" });
    updatePlayButton();
  };
  document.getElementById("reset").onclick = () => send({ cmd: "reset" });
  const speed = document.getElementById("speed");
  speed.value = String(state.model.speed);
  if (speed.value === "") speed.value = "1";
  speed.onchange = () => send({ cmd: "speed", value: Number(speed.value) });
  document.addEventListener("keydown", (e) => {
    if (e.code === "Space" && e.target === document.body) { e.preventDefault(); document.getElementById("play").click(); }
  });
  document.addEventListener("click", (e) => { if (!e.target.closest("#menu") && !e.target.closest(".object")) hideMenu(); });
}

// MARK: - Graph

function networkOf(objectId) { return state.model.objects[objectId].network; }

// The visible stand-in of an object: itself, or the outermost collapsed network holding it.
function visibleOwner(objectId) {
  let owner = { kind: "object", id: objectId };
  let net = networkOf(objectId);
  while (net !== null && net !== undefined) {
    if (state.collapsed.has(net)) owner = { kind: "network", id: net };
    net = state.model.networks[net].parent;
  }
  return owner;
}

function childNetworks(id) { return state.model.networks.filter((n) => n.parent === id); }

// The direct child of network `id` that contains object `objectId`, or null.
function childContaining(id, objectId) {
  let net = networkOf(objectId);
  if (net === id) return "o" + objectId;
  while (net !== null && net !== undefined) {
    const parent = state.model.networks[net].parent;
    if (parent === id) return "n" + net;
    net = parent;
  }
  return null;
}

const OBJECT_W = 92, OBJECT_H = 58, GAP_X = 46, GAP_Y = 22, PAD = 14, TITLE = 22;

// Lays out network `id`: its objects and subnetworks in columns by the longest path of
// connections between them; returns its size and children's positions (relative).
function layoutNetwork(id) {
  const children = [];
  for (const o of state.model.objects) if (o.network === id) children.push({ key: "o" + o.id, w: OBJECT_W, h: OBJECT_H });
  for (const n of childNetworks(id)) {
    if (state.collapsed.has(n.id)) children.push({ key: "n" + n.id, w: OBJECT_W + 16, h: OBJECT_H, collapsed: true });
    else { const inner = layoutNetwork(n.id); children.push({ key: "n" + n.id, w: inner.w, h: inner.h, inner }); }
  }
  const index = new Map(children.map((c, i) => [c.key, i]));
  const edges = [];
  for (const c of state.model.connections) {
    const a = childContaining(id, c.pre), b = childContaining(id, c.post);
    if (a !== null && b !== null && a !== b) edges.push([index.get(a), index.get(b)]);
  }
  // Ranks: longest path over a DAG made by dropping edges that close a cycle (DFS order).
  const out = children.map(() => []);
  for (const [a, b] of edges) out[a].push(b);
  const visiting = new Set(), done = new Set(), dag = children.map(() => []);
  const dfs = (v) => {
    visiting.add(v);
    for (const w of out[v]) {
      if (visiting.has(w)) continue;
      dag[v].push(w);
      if (!done.has(w)) dfs(w);
    }
    visiting.delete(v); done.add(v);
  };
  for (let v = 0; v < children.length; v++) if (!done.has(v)) dfs(v);
  const rank = children.map(() => 0);
  for (let pass = 0; pass < children.length; pass++) {
    let changed = false;
    for (let v = 0; v < children.length; v++) for (const w of dag[v]) if (rank[w] < rank[v] + 1) { rank[w] = rank[v] + 1; changed = true; }
    if (!changed) break;
  }
  const columns = [];
  children.forEach((c, i) => { (columns[rank[i]] = columns[rank[i]] || []).push(c); });
  let x = PAD, height = 0;
  const columnSizes = [];
  for (const column of columns.filter(Boolean)) {
    const w = Math.max(...column.map((c) => c.w));
    const h = column.reduce((s, c) => s + c.h, 0) + GAP_Y * (column.length - 1);
    columnSizes.push({ column, w, h, x });
    x += w + GAP_X;
    height = Math.max(height, h);
  }
  for (const { column, w, x: cx } of columnSizes) {
    const h = column.reduce((s, c) => s + c.h, 0) + GAP_Y * (column.length - 1);
    let y = TITLE + PAD + (height - h) / 2;
    for (const c of column) { c.x = cx + (w - c.w) / 2; c.y = y; y += c.h + GAP_Y; }
  }
  return { w: Math.max(x - GAP_X + PAD, 160), h: height + TITLE + 2 * PAD, children };
}

function el(name, attrs, parent) {
  const e = document.createElementNS(SVGNS, name);
  for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
  if (parent) parent.appendChild(e);
  return e;
}

function drawGraph() {
  const svg = document.getElementById("graph");
  svg.innerHTML = "";
  const defs = el("defs", {}, svg);
  const marker = el("marker", { id: "arrow", viewBox: "0 0 10 10", refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: "auto-start-reverse" }, defs);
  el("path", { d: "M0,0 L10,5 L0,10 z", fill: "#8d96aa" }, marker);
  const root = state.model.networks.find((n) => n.parent === null);
  const layout = layoutNetwork(root.id);
  const centers = new Map();
  const edgesLayer = el("g", {}, svg);
  const drawInto = (g, id, lay, ox, oy, top) => {
    const net = state.model.networks[id];
    const group = el("g", { class: "network", "data-network-id": id }, g);
    el("rect", { class: "box", x: ox, y: oy, width: lay.w, height: lay.h, rx: 10 }, group);
    const title = el("g", { class: "title", "data-network-id": id }, group);
    el("rect", { x: ox, y: oy, width: lay.w, height: TITLE, fill: "transparent" }, title);
    const t = el("text", { x: ox + 10, y: oy + 15 }, title);
    t.textContent = (top ? "" : "▾ ") + net.label;
    if (!top) title.onclick = () => { state.collapsed.add(id); drawGraph(); };
    for (const c of lay.children) {
      const cx = ox + c.x, cy = oy + c.y;
      if (c.key[0] === "o") drawObject(group, state.model.objects[Number(c.key.slice(1))], cx, cy, centers);
      else if (c.collapsed) drawCollapsed(group, Number(c.key.slice(1)), cx, cy, c.w, c.h, centers);
      else drawInto(group, Number(c.key.slice(1)), c.inner, cx, cy, false);
    }
  };
  drawInto(svg, root.id, layout, 4, 4, true);
  svg.setAttribute("viewBox", `0 0 ${layout.w + 8} ${layout.h + 8}`);
  svg.setAttribute("preserveAspectRatio", "xMidYMin meet");
  // Fit the panel's width, but never below 80 % (labels stay legible; the panel scrolls).
  const panel = document.getElementById("graph-scroll");
  const scale = Math.max(0.8, Math.min(1.6, (panel.clientWidth - 4) / (layout.w + 8)));
  svg.style.width = `${(layout.w + 8) * scale}px`;
  svg.style.height = `${(layout.h + 8) * scale}px`;
  const seen = new Set();
  for (const c of state.model.connections) {
    const a = visibleOwner(c.pre), b = visibleOwner(c.post);
    const ka = a.kind + a.id, kb = b.kind + b.id;
    if (seen.has(ka + ">" + kb)) continue;
    seen.add(ka + ">" + kb);
    const p = centers.get(ka), q = centers.get(kb);
    if (!p || !q) continue;
    if (ka === kb) {
      // A loop only for an object's own recurrent connection, not for connections inside a
      // collapsed network.
      if (a.kind !== "object") continue;
      el("path", { class: "edge", d: `M${p.x - 14},${p.y - p.h / 2} C${p.x - 34},${p.y - p.h / 2 - 34} ${p.x + 34},${p.y - p.h / 2 - 34} ${p.x + 14},${p.y - p.h / 2}` }, edgesLayer);
      continue;
    }
    const [x1, y1] = border(p, q), [x2, y2] = border(q, p);
    const bend = q.x < p.x ? 40 : 0;
    el("path", { class: "edge", d: `M${x1},${y1} Q${(x1 + x2) / 2},${(y1 + y2) / 2 - bend} ${x2},${y2}` }, edgesLayer);
  }
  svg.appendChild(edgesLayer);
}

// Where the segment from p's centre towards q leaves p's box.
function border(p, q) {
  const dx = q.x - p.x, dy = q.y - p.y;
  const s = Math.min(Math.abs((p.w / 2 + 2) / (dx || 1e-9)), Math.abs((p.h / 2 + 2) / (dy || 1e-9)));
  return [p.x + dx * s, p.y + dy * s];
}

function drawObject(g, object, x, y, centers) {
  const group = el("g", { class: "object " + object.kind, "data-object-id": object.id, "data-label": object.label }, g);
  if (object.kind === "ensemble") {
    el("ellipse", { class: "shape", cx: x + OBJECT_W / 2, cy: y + OBJECT_H / 2, rx: OBJECT_W / 2, ry: OBJECT_H / 2 }, group);
    for (let k = 0; k < 7; k++) {
      const a = k * 2.4, r = 5 + (k % 3) * 4;
      el("circle", { class: "dot", cx: x + OBJECT_W / 2 + Math.cos(a) * r * 1.8, cy: y + 16 + Math.sin(a) * r * 0.45, r: 2 }, group);
    }
  } else {
    el("rect", { class: "shape", x, y, width: OBJECT_W, height: OBJECT_H, rx: 8 }, group);
  }
  const label = el("text", { x: x + OBJECT_W / 2, y: y + OBJECT_H - 18, "text-anchor": "middle" }, group);
  label.textContent = object.label.length > 16 ? object.label.slice(0, 15) + "…" : object.label;
  const sub = el("text", { class: "sub", x: x + OBJECT_W / 2, y: y + OBJECT_H - 6, "text-anchor": "middle" }, group);
  sub.textContent = object.kind === "ensemble"
    ? (object.neurons > 0 ? `${object.neurons} n · ${object.dimensions}-D` : `direct · ${object.dimensions}-D`)
    : (object.constant ? `constant · ${object.dimensions}-D` : `node · ${object.dimensions}-D`);
  group.addEventListener("click", (e) => { e.stopPropagation(); showMenu(object, e.clientX, e.clientY); });
  centers.set("object" + object.id, { x: x + OBJECT_W / 2, y: y + OBJECT_H / 2, w: OBJECT_W, h: OBJECT_H });
}

function drawCollapsed(g, id, x, y, w, h, centers) {
  const net = state.model.networks[id];
  const group = el("g", { class: "network collapsed", "data-network-id": id }, g);
  el("rect", { class: "box", x, y, width: w, height: h, rx: 10 }, group);
  const t = el("text", { x: x + w / 2, y: y + h / 2 - 2, "text-anchor": "middle" }, group);
  t.textContent = "▸ " + (net.label.length > 14 ? net.label.slice(0, 13) + "…" : net.label);
  const inside = state.model.objects.filter((o) => { let n = o.network; while (n !== null && n !== id) n = state.model.networks[n].parent; return n === id; });
  const sub = el("text", { class: "sub", x: x + w / 2, y: y + h / 2 + 13, "text-anchor": "middle", fill: "#6b7487" }, group);
  sub.textContent = inside.length === 1 ? "1 object" : `${inside.length} objects`;
  group.onclick = (e) => { e.stopPropagation(); state.collapsed.delete(id); drawGraph(); };
  centers.set("network" + id, { x: x + w / 2, y: y + h / 2, w, h });
}

// MARK: - Menu

function showMenu(object, x, y) {
  const menu = document.getElementById("menu");
  menu.innerHTML = "";
  const title = document.createElement("div");
  title.className = "title";
  title.textContent = object.label;
  menu.appendChild(title);
  const add = (text, kind, extra) => {
    const b = document.createElement("button");
    b.textContent = text;
    b.dataset.plotKind = kind;
    b.onclick = () => { hideMenu(); addPlot(object, kind, extra); };
    menu.appendChild(b);
  };
  if (object.channels.value !== undefined) {
    add("Value plot", "value");
    if (object.dimensions >= 2) add("XY plot", "xy");
    state.model.vocabularies.forEach((v, i) => { if (v.dimensions === object.dimensions) add(`Similarity (${v.name})`, "similarity", { vocabulary: i }); });
  }
  if (object.channels.spikes !== undefined) add("Spike raster", "spikes");
  if (object.channels.voltage !== undefined) add("Voltages", "voltage");
  if (object.constant) add("Slider", "slider");
  menu.style.left = Math.min(x, window.innerWidth - 210) + "px";
  menu.style.top = Math.min(y, window.innerHeight - 40 * menu.children.length) + "px";
  menu.classList.remove("hidden");
}

function hideMenu() { document.getElementById("menu").classList.add("hidden"); }

// MARK: - Plots

function addPlot(object, kind, extra) {
  const plot = kind === "slider" ? new SliderPlot(object) : new ChartPlot(object, kind, extra || {});
  state.plots.push(plot);
  document.getElementById("plots-hint").textContent = "";
  return plot;
}

function card(object, kindText, onClose) {
  const root = document.createElement("div");
  root.className = "plot";
  const header = document.createElement("header");
  const name = document.createElement("strong");
  // Inside a subnetwork, the network's label too: many modules have an "output".
  const network = state.model.networks[object.network];
  name.textContent = network.parent === null ? object.label : `${network.label} / ${object.label}`;
  const kind = document.createElement("span");
  kind.className = "kind";
  kind.textContent = kindText;
  const close = document.createElement("button");
  close.className = "close";
  close.textContent = "×";
  close.title = "close";
  close.onclick = onClose;
  header.append(name, kind, close);
  root.appendChild(header);
  document.getElementById("plots").appendChild(root);
  return root;
}

class ChartPlot {
  constructor(object, kind, extra) {
    this.object = object;
    this.kind = kind;
    this.id = state.nextPlot++;
    this.channel = object.channels[kind === "xy" || kind === "similarity" ? "value" : kind];
    this.vocabulary = extra.vocabulary !== undefined ? state.model.vocabularies[extra.vocabulary] : null;
    const names = { value: "value", xy: "XY", spikes: "spikes", voltage: "voltage", similarity: "similarity" };
    this.root = card(object, names[kind] + (this.vocabulary ? ` · ${this.vocabulary.name}` : ""), () => this.close());
    this.root.dataset.kind = kind;
    this.root.dataset.object = object.id;
    this.root.dataset.plotId = this.id;
    this.canvas = document.createElement("canvas");
    this.root.appendChild(this.canvas);
    this.range = [-1.2, 1.2];
    const entry = state.model.channels[this.channel];
    if (kind === "spikes") {
      this.neurons = [0, Math.min(entry.size, 50)];
      const options = document.createElement("div");
      options.className = "options";
      options.innerHTML = `neurons <input type="text" value="0-${this.neurons[1] - 1}"> of ${object.neurons}`;
      options.querySelector("input").onchange = (e) => {
        const m = /^\s*(\d+)\s*-\s*(\d+)\s*$/.exec(e.target.value);
        if (m && Number(m[1]) <= Number(m[2]) && Number(m[2]) < entry.size) this.neurons = [Number(m[1]), Number(m[2]) + 1];
        else { toast(`neurons must be a range like 0-49 within 0-${entry.size - 1}`); e.target.value = `${this.neurons[0]}-${this.neurons[1] - 1}`; }
      };
      this.root.appendChild(options);
    } else {
      const legend = document.createElement("div");
      legend.className = "legend";
      const labels = kind === "similarity" ? this.vocabulary.keys
        : kind === "voltage" ? Array.from({ length: entry.size }, (_, i) => `n${i}`)
        : kind === "xy" ? [] : Array.from({ length: entry.size }, (_, i) => `x${i}`);
      legend.innerHTML = labels.slice(0, kind === "similarity" ? 64 : 16).map((l, i) => `<span><i style="background:${COLORS[i % COLORS.length]}"></i>${l}</span>`).join("");
      this.root.appendChild(legend);
    }
    watch(this.channel);
  }
  close() {
    unwatch(this.channel);
    this.root.remove();
    state.plots = state.plots.filter((p) => p !== this);
  }
  draw() {
    const canvas = this.canvas, ratio = window.devicePixelRatio || 1;
    const w = canvas.clientWidth, h = canvas.clientHeight;
    if (canvas.width !== Math.round(w * ratio) || canvas.height !== Math.round(h * ratio)) {
      canvas.width = Math.round(w * ratio); canvas.height = Math.round(h * ratio);
    }
    const g = canvas.getContext("2d");
    g.setTransform(ratio, 0, 0, ratio, 0, 0);
    g.clearRect(0, 0, w, h);
    const data = state.channels.get(this.channel);
    if (!data) return;
    const dt = state.model.dt, window_ = WINDOW[this.kind];
    const lastStep = state.step, fromStep = lastStep - Math.round(window_ / dt);
    const box = { l: 40, r: w - 10, t: 10, b: h - 22 };
    if (this.kind === "xy") return this.drawXY(g, data, fromStep, w, h);
    const tx = (step) => box.l + (box.r - box.l) * (step - fromStep) / (lastStep - fromStep || 1);
    this.axes(g, box, fromStep * dt, lastStep * dt);
    if (this.kind === "spikes") return this.drawSpikes(g, data, fromStep, box, tx);
    // value, voltage, similarity: lines
    let series = [];
    const size = data.size;
    if (this.kind === "similarity") {
      const vectors = this.vocabulary.vectors;
      series = vectors.map(() => []);
      data.forEach(fromStep, (step, o, joined) => {
        vectors.forEach((v, k) => { let s = 0; for (let d = 0; d < size; d++) s += v[d] * data.values[o + d]; series[k].push([step, s, joined]); });
      });
    } else {
      series = Array.from({ length: size }, () => []);
      data.forEach(fromStep, (step, o, joined) => { for (let d = 0; d < size; d++) series[d].push([step, data.values[o + d], joined]); });
    }
    if (this.kind === "voltage") {
      // One lane per neuron, voltages 0..1 (LIF's threshold is 1).
      const lane = (box.b - box.t) / series.length;
      series.forEach((points, k) => this.line(g, points, tx, (v) => box.t + lane * (k + 1) - lane * 0.9 * Math.min(Math.max(v, 0), 1.05), COLORS[k % COLORS.length]));
      return;
    }
    let lo = this.range[0], hi = this.range[1];
    for (const points of series) for (const [, v] of points) { if (v < lo) lo = v; if (v > hi) hi = v; }
    this.range = [lo, hi];
    const ty = (v) => box.b - (box.b - box.t) * (v - lo) / (hi - lo || 1);
    g.fillStyle = "#6b7487"; g.font = "10px sans-serif"; g.textAlign = "right";
    g.fillText(hi.toFixed(1), box.l - 4, box.t + 8); g.fillText(lo.toFixed(1), box.l - 4, box.b);
    g.strokeStyle = "#e4e7ee"; g.beginPath(); g.moveTo(box.l, ty(0)); g.lineTo(box.r, ty(0)); g.stroke();
    series.forEach((points, k) => this.line(g, points, tx, ty, COLORS[k % COLORS.length]));
  }
  axes(g, box, t0, t1) {
    g.strokeStyle = "#c9cfdb"; g.lineWidth = 1;
    g.strokeRect(box.l, box.t, box.r - box.l, box.b - box.t);
    g.fillStyle = "#6b7487"; g.font = "10px sans-serif"; g.textAlign = "left";
    g.fillText(Math.max(t0, 0).toFixed(2) + " s", box.l, box.b + 14);
    g.textAlign = "right";
    g.fillText(t1.toFixed(2) + " s", box.r, box.b + 14);
  }
  // Draws points [step, value, joined] as a polyline that breaks where joined is false.
  line(g, points, tx, ty, color) {
    if (points.length < 2) return;
    g.strokeStyle = color; g.lineWidth = 1.4; g.beginPath();
    const stride = Math.max(1, Math.floor(points.length / 800));
    let open = false;
    points.forEach(([s, v, joined], i) => {
      if (!joined) open = false;
      const beforeGap = i === points.length - 1 || !points[i + 1][2];
      if (open && i % stride && !beforeGap) return;
      open ? g.lineTo(tx(s), ty(v)) : g.moveTo(tx(s), ty(v));
      open = true;
    });
    g.stroke();
  }
  drawSpikes(g, data, fromStep, box, tx) {
    const [first, end] = this.neurons, shown = end - first, lane = (box.b - box.t) / shown;
    g.fillStyle = "#1d2433";
    data.forEach(fromStep, (step, o) => {
      for (let n = first; n < end; n++) if (data.values[o + n] > 0) g.fillRect(tx(step) - 0.5, box.t + lane * (n - first) + 1, 1.5, Math.max(lane - 1, 1));
    });
    g.fillStyle = "#6b7487"; g.font = "10px sans-serif"; g.textAlign = "right";
    g.fillText(String(first), box.l - 4, box.t + 8); g.fillText(String(end - 1), box.l - 4, box.b);
  }
  drawXY(g, data, fromStep, w, h) {
    const size = Math.min(w, h) - 24, ox = (w - size) / 2, oy = 12;
    let r = Math.max(this.range[1], 1.2);
    data.forEach(fromStep, (s, o) => { r = Math.max(r, Math.abs(data.values[o]), Math.abs(data.values[o + 1])); });
    this.range = [-r, r];
    const px = (v) => ox + size * (v + r) / (2 * r), py = (v) => oy + size * (r - v) / (2 * r);
    g.strokeStyle = "#c9cfdb"; g.strokeRect(ox, oy, size, size);
    g.strokeStyle = "#eceff5"; g.beginPath(); g.moveTo(px(0), oy); g.lineTo(px(0), oy + size); g.moveTo(ox, py(0)); g.lineTo(ox + size, py(0)); g.stroke();
    g.fillStyle = "#6b7487"; g.font = "10px sans-serif"; g.textAlign = "left";
    g.fillText("x0 →", ox + size - 30, py(0) - 4); g.fillText("x1 ↑", px(0) + 4, oy + 10);
    let last = null, k = 0;
    const total = data.count;
    g.lineWidth = 1.6;
    data.forEach(fromStep, (s, o, joined) => {
      const p = [px(data.values[o]), py(data.values[o + 1])];
      if (last && joined) { g.strokeStyle = `rgba(59,111,224,${0.15 + 0.85 * k / total})`; g.beginPath(); g.moveTo(last[0], last[1]); g.lineTo(p[0], p[1]); g.stroke(); }
      last = p; k++;
    });
    if (last) { g.fillStyle = "#e0563b"; g.beginPath(); g.arc(last[0], last[1], 4, 0, 7); g.fill(); }
  }
}

class SliderPlot {
  constructor(object) {
    this.object = object;
    this.kind = "slider";
    this.id = state.nextPlot++;
    this.root = card(object, "slider", () => this.close());
    this.root.dataset.kind = "slider";
    this.root.dataset.object = object.id;
    this.values = object.constant.slice();
    this.rows = object.constant.map((v, d) => {
      const row = document.createElement("div");
      row.className = "slider-row";
      const limit = Math.max(1, 2 * Math.abs(v));
      row.innerHTML = `<span>x${d}</span><input type="range" min="${-limit}" max="${limit}" step="${limit / 200}" value="${v}"><input type="text" value="${v}">`;
      const range = row.querySelector("input[type=range]"), text = row.querySelector("input[type=text]");
      range.oninput = () => { text.value = Number(range.value).toFixed(3); this.submit(d, range.value); };
      text.onchange = () => this.submit(d, text.value);
      this.root.appendChild(row);
      return { range, text };
    });
    this.message = document.createElement("div");
    this.message.className = "message";
    this.root.appendChild(this.message);
  }
  submit(d, text) {
    const values = this.values.map(String);
    values[d] = String(text);
    send({ cmd: "set", object: this.object.id, values });
  }
  accepted(values) {
    this.values = values.slice();
    this.message.textContent = "";
    values.forEach((v, d) => { if (document.activeElement !== this.rows[d].text) this.rows[d].text.value = String(Number(v.toFixed(4))); this.rows[d].range.value = v; });
  }
  showError(text) {
    this.message.textContent = text;
    this.values.forEach((v, d) => { this.rows[d].text.value = String(v); this.rows[d].range.value = v; });
  }
  restore() { this.accepted(this.object.constant); }
  close() { this.root.remove(); state.plots = state.plots.filter((p) => p !== this); }
  draw() {}
}

// MARK: - Start

// Redraws when a frame arrived, the plots changed or the window was resized.
let drawn = { frames: -1, plots: -1, width: 0 };
function render() {
  document.getElementById("time").textContent = state.time.toFixed(3);
  document.getElementById("rate").textContent = state.running ? `${state.rate.toFixed(2)}× real time` : "paused";
  if (drawn.frames !== state.framesReceived || drawn.plots !== state.nextPlot + state.plots.length || drawn.width !== window.innerWidth) {
    drawn = { frames: state.framesReceived, plots: state.nextPlot + state.plots.length, width: window.innerWidth };
    for (const plot of state.plots) plot.draw();
  }
  requestAnimationFrame(render);
}

async function start() {
  const response = await fetch("/model.json");
  state.model = await response.json();
  for (const n of state.model.networks) if (n.parent === undefined) n.parent = null; // omitted when none
  for (const o of state.model.objects) if (o.constant === undefined) o.constant = null;
  document.getElementById("model-name").textContent = state.model.name;
  document.title = `${state.model.name} · BrainKit live view`;
  for (const n of state.model.networks) if (n.parent !== null) state.collapsed.add(n.id);
  setupToolbar();
  drawGraph();
  window.addEventListener("resize", () => drawGraph());
  for (const p of state.model.initialPlots) addPlot(state.model.objects[p.object], p.kind, p.kind === "similarity" ? { vocabulary: 0 } : {});
  connect();
  requestAnimationFrame(render);
}

start();
