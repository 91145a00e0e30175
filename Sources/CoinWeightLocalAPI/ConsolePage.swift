/// The console's page, script and style: plain HTML, CSS and a small script, no framework
/// and no build step, compiled into the binary so that nothing is read from disk.
///
/// The page asks for the store's API key once (or takes it from the address's `#key=`
/// fragment, which no request carries) and keeps it in the tab's session storage. It reads
/// `/_cwsync/status`, `/_cwsync/outbox` and `/_cwsync/orders`, and draws them again after
/// each event of the change feed (`/_cwsync/events`, read with `fetch`, which can send the
/// bearer where `EventSource` cannot).
enum ConsolePage {
    static let html = #"""
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>cwsync console</title>
        <link rel="stylesheet" href="/_cwsync/console.css">
        </head>
        <body>
        <header>
          <h1>cwsync</h1>
          <span id="account">…</span>
          <span id="live" class="badge off">feed: connecting</span>
        </header>
        <form id="login" hidden>
          <label>API key of the store (<code>cwsync api-key</code> prints it)
            <input id="key" type="password" autocomplete="off" required></label>
          <button>Open</button>
        </form>
        <main id="panels" hidden>
          <section>
            <h2>Sync</h2>
            <table id="sync"><thead><tr><th>resource</th><th>last synced</th><th>last error</th></tr></thead><tbody></tbody></table>
          </section>
          <section>
            <h2>Outbox</h2>
            <table id="outbox"><thead><tr><th>#</th><th>write</th><th>on</th><th>state</th><th>tries</th><th>error</th><th></th></tr></thead><tbody></tbody></table>
          </section>
          <section class="wide">
            <h2>Orders</h2>
            <form id="filters">
              <label>owner <input name="owner" size="12"></label>
              <label>state <select name="state"><option value="active">active</option><option value="history">history</option></select></label>
              <label>symbol <input name="symbol" size="10" placeholder="any"></label>
            </form>
            <table id="orders"><thead><tr><th>id</th><th>symbol</th><th>exchange</th><th>side</th><th>price</th><th>quantity</th><th>state</th><th>pending</th></tr></thead><tbody></tbody></table>
          </section>
        </main>
        <p id="error" role="alert"></p>
        <script src="/_cwsync/console.js"></script>
        </body>
        </html>
        """#

    static let style = #"""
        body { font: 14px/1.4 system-ui, sans-serif; margin: 0 1.5rem 2rem; color: #1d2330; background: #f7f8fa; }
        header { display: flex; gap: 1rem; align-items: baseline; }
        h1 { font-size: 1.3rem; margin: 1rem 0; }
        h2 { font-size: 1rem; margin: 1.2rem 0 .4rem; }
        main { display: grid; grid-template-columns: minmax(0, 2fr) minmax(0, 3fr); gap: 0 2rem; }
        .wide { grid-column: 1 / -1; }
        table { border-collapse: collapse; width: 100%; background: #fff; }
        th, td { text-align: left; padding: .25rem .5rem; border-bottom: 1px solid #e3e6ec; white-space: nowrap; }
        td { max-width: 16rem; overflow: hidden; text-overflow: ellipsis; }
        th { font-weight: 600; color: #566; }
        td.num { text-align: right; font-variant-numeric: tabular-nums; }
        .badge { border-radius: .6rem; padding: 0 .5rem; font-size: .85em; }
        .on, .delivered { background: #d8f3e0; color: #145c2c; }
        .off, .failed, .expired { background: #fde2e1; color: #8a1c17; }
        .pending, .sending, .queued, .outcomeUnknown { background: #fff1c9; color: #6b4d00; }
        #error { color: #8a1c17; }
        form#filters { margin-bottom: .4rem; display: flex; gap: 1rem; }
        """#

    static let script = #"""
        "use strict";
        const $ = (selector) => document.querySelector(selector);
        const text = (value) => document.createTextNode(value == null ? "" : String(value));
        let key = null;

        function takeKey() {
          const match = location.hash.match(/key=([^&]+)/);
          if (match) {
            sessionStorage.setItem("cwsyncKey", decodeURIComponent(match[1]));
            history.replaceState(null, "", location.pathname);
          }
          return sessionStorage.getItem("cwsyncKey");
        }

        async function api(path, options = {}) {
          const response = await fetch(path, { ...options, headers: { Authorization: "Bearer " + key, ...(options.headers || {}) } });
          if (response.status === 403) { sessionStorage.removeItem("cwsyncKey"); throw new Error("the key was refused: paste the one cwsync api-key prints"); }
          const body = await response.json();
          if (!response.ok) throw new Error(body.error || body.errorMsg || response.statusText);
          return body;
        }

        function row(cells, attributes = {}) {
          const tr = document.createElement("tr");
          for (const [name, value] of Object.entries(attributes)) tr.setAttribute(name, value);
          for (const cell of cells) {
            const td = document.createElement("td");
            if (cell instanceof Node) td.append(cell); else if (cell && cell.badge !== undefined) {
              const span = document.createElement("span"); span.className = "badge " + cell.badge; span.append(text(cell.label ?? cell.badge)); td.append(span);
            } else if (cell && cell.num !== undefined) { td.className = "num"; td.append(text(cell.num)); } else { td.append(text(cell)); td.title = cell ?? ""; }
            tr.append(td);
          }
          return tr;
        }

        function ago(ms) {
          if (ms == null) return "never";
          const seconds = Math.max(0, Math.round((Date.now() - ms) / 1000));
          return seconds < 90 ? seconds + " s ago" : Math.round(seconds / 60) + " min ago";
        }

        function fill(selector, rows) { $(selector + " tbody").replaceChildren(...rows); }

        async function drawStatus() {
          const status = await api("/_cwsync/status");
          $("#account").replaceChildren(text((status.user ? status.user + " (uid " + status.uid + ")" : "nobody logged in") + " · " + status.endpoint));
          if (!$("#filters").owner.value && status.uid) $("#filters").owner.value = status.uid;
          fill("#sync", status.resources.map((r) => row([r.resource, ago(r.lastSuccessAt), r.lastError || ""], { "data-resource": r.resource })));
        }

        function button(label, path) {
          const b = document.createElement("button");
          b.textContent = label;
          b.onclick = async () => { try { await api(path, { method: "POST" }); } catch (e) { $("#error").textContent = e.message; } redraw(); };
          return b;
        }

        async function drawOutbox() {
          const entries = await api("/_cwsync/outbox");
          fill("#outbox", entries.slice(0, 50).map((e) => {
            const actions = document.createElement("span");
            if (e.state === "failed" || e.state === "expired") actions.append(button("retry", "/_cwsync/outbox/" + e.id + "/retry"));
            if (e.state === "pending") actions.append(button("drop", "/_cwsync/outbox/" + e.id + "/drop"));
            return row([e.id, e.kind, e.entity, { badge: e.state }, { num: e.attempts }, e.errorMessage || "", actions], { "data-entry": e.id, "data-state": e.state });
          }));
        }

        async function drawOrders() {
          const filters = new FormData($("#filters"));
          const query = new URLSearchParams([...filters].filter(([, v]) => v !== ""));
          const orders = await api("/_cwsync/orders?" + query);
          fill("#orders", orders.map((o) => row(
            [o.streetOrderId, o.symbol, o.counterParty, o.side, { num: o.price }, { num: o.quantity }, o.executionType,
             o.pending ? { badge: o.pending.state, label: o.pending.kind + ": " + o.pending.state } : ""],
            { "data-order": o.streetOrderId, "data-pending": o.pending ? o.pending.state : "" })));
        }

        let drawing = null;
        async function redraw() {
          if (drawing) { drawing.again = true; return; }
          drawing = { again: false };
          try { await Promise.all([drawStatus(), drawOutbox(), drawOrders()]); $("#error").textContent = ""; }
          catch (e) { $("#error").textContent = e.message; }
          const again = drawing.again;
          drawing = null;
          if (again) redraw();
        }

        async function follow() {
          let last = null;
          for (;;) {
            try {
              const headers = { Authorization: "Bearer " + key };
              if (last) headers["Last-Event-ID"] = last;
              const response = await fetch("/_cwsync/events", { headers });
              if (!response.ok) throw new Error("feed: HTTP " + response.status);
              $("#live").className = "badge on"; $("#live").textContent = "feed: live";
              const reader = response.body.getReader();
              const decoder = new TextDecoder();
              let buffer = "";
              for (;;) {
                const { value, done } = await reader.read();
                if (done) break;
                buffer += decoder.decode(value, { stream: true });
                let end;
                while ((end = buffer.indexOf("\n\n")) >= 0) {
                  const block = buffer.slice(0, end);
                  buffer = buffer.slice(end + 2);
                  const id = block.match(/^id: (.*)$/m);
                  if (id) { last = id[1]; redraw(); }
                }
              }
            } catch (e) { /* reconnect below */ }
            $("#live").className = "badge off"; $("#live").textContent = "feed: reconnecting";
            await new Promise((resolve) => setTimeout(resolve, 1000));
          }
        }

        function start() {
          $("#login").hidden = true;
          $("#panels").hidden = false;
          $("#filters").addEventListener("input", () => redraw());
          redraw();
          follow();
          setInterval(redraw, 30000);
        }

        key = takeKey();
        if (key) start(); else {
          $("#login").hidden = false;
          $("#login").addEventListener("submit", (event) => {
            event.preventDefault();
            key = $("#key").value.trim();
            sessionStorage.setItem("cwsyncKey", key);
            start();
          });
        }
        """#
}
