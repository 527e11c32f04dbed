// The reporter's pages (/concerns/new, /concerns/status): wiring between the page and
// vigie-concerns.js. Requests carry no cookies and no referrer; the text never leaves unsealed.
"use strict";

(() => {
  const V = globalThis.VigieConcerns;
  const $ = (id) => document.getElementById(id);
  const json = (body) => ({
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body,
    credentials: "omit",
    referrerPolicy: "no-referrer",
    cache: "no-store",
  });

  function say(element, text, isError) {
    element.textContent = text;
    element.classList.toggle("error", !!isError);
    element.hidden = !text;
  }

  async function problem(response) {
    try {
      const p = await response.json();
      return p.detail || p.title || `The server answered ${response.status}.`;
    } catch {
      return `The server answered ${response.status}.`;
    }
  }

  const readFile = (file) =>
    new Promise((resolve, reject) => {
      const reader = new FileReader();
      reader.onload = () => resolve(new Uint8Array(reader.result));
      reader.onerror = () => reject(reader.error);
      reader.readAsArrayBuffer(file);
    });

  async function unsupported() {
    if (await V.supported()) return false;
    $("concern-unsupported").hidden = false;
    for (const button of document.querySelectorAll("[data-needs-x25519]")) button.disabled = true;
    return true;
  }

  // --- /concerns/new
  async function fileConcern() {
    const progress = $("concern-progress");
    const text = $("concern-text").value.trim();
    if (!text) return say(progress, "Write your concern first.", true);
    const about = Array.from(document.querySelectorAll("input[name=about]:checked"), (c) => c.value);
    const attachments = [];
    for (const file of $("concern-files").files) {
      attachments.push({ name: file.name, mediaType: file.type || "application/octet-stream", data: V.toBase64(await readFile(file)) });
    }

    say(progress, "Sealing your concern in this browser…");
    const query = about.map((r, i) => `${i ? "&" : "?"}about=${encodeURIComponent(r)}`).join("");
    const routing = await fetch("/api/v1/concerns/recipients" + query, { credentials: "omit", referrerPolicy: "no-referrer", cache: "no-store" });
    if (!routing.ok) return say(progress, await problem(routing), true);
    const recipients = (await routing.json()).recipients;
    for (let attempt = 1; attempt <= 3; attempt++) {
      const receipt = await V.newReceipt();
      const keys = await V.reporterKeys(receipt);
      const report = JSON.stringify({ version: "vigie-concern-report/v1", text, replyKey: V.publicKeyText(keys.replyPublic), attachments });
      const envelope = await V.seal(new TextEncoder().encode(report), [...recipients.map((r) => V.publicKeyRaw(r.publicKey)), keys.replyPublic]);
      const body = `{"envelope":${envelope},"locator":"${keys.locator}","access":"${keys.access}","about":${JSON.stringify(about)},"category":${JSON.stringify($("concern-category").value)}}`;
      const response = await fetch("/api/v1/concerns", json(body));
      if (response.status === 409 && attempt < 3 && (await response.clone().text()).includes("new receipt")) continue;
      if (!response.ok) return say(progress, await problem(response), true);
      const filed = await response.json();
      $("concern-form").hidden = true;
      say(progress, "");
      $("receipt-text").textContent = V.displayReceipt(receipt);
      $("receipt-concern").textContent = filed.concern;
      $("receipt-index").textContent = filed.pending
        ? `held until ${filed.entersLogOn}: it enters the log then, at a random time of day, so its place in the log does not date your filing`
        : filed.index;
      $("receipt-date").textContent = filed.receivedOn;
      $("receipt-recipients").textContent = recipients.map((r) => `${r.name} (${r.tier})`).join(", ");
      $("concern-receipt").hidden = false;
      $("receipt-text").focus();
      return;
    }
  }

  // --- /concerns/status
  let current = null; // { keys, status }

  async function openStatus() {
    const progress = $("status-progress");
    let symbols;
    try {
      symbols = await V.parseReceipt($("receipt-input").value);
    } catch (e) {
      return say(progress, e.message, true);
    }

    say(progress, "Opening…");
    const keys = await V.reporterKeys(symbols);
    const response = await fetch("/api/v1/concerns/status", json(JSON.stringify({ locator: keys.locator, access: keys.access })));
    if (!response.ok) return say(progress, await problem(response), true);
    current = { keys, status: await response.json() };
    say(progress, "");
    await render();
  }

  async function openText(envelope, version) {
    try {
      const content = JSON.parse(new TextDecoder().decode(await V.open(envelope, current.keys.replyPrivate)));
      return content.version === version ? content : null;
    } catch {
      return null;
    }
  }

  async function render() {
    const s = current.status;
    $("status-summary").textContent =
      `Concern ${s.concern}: ${s.status}, received ${s.receivedOn}` + (s.outcome ? `, closed with outcome: ${s.outcome}` : "") + ".";
    const report = await openText(s.envelope, "vigie-concern-report/v1");
    $("status-report").textContent = report ? report.text : "(your report could not be opened with this receipt)";
    const clocks = $("status-clocks");
    clocks.replaceChildren(...s.clocks.map((c) => row([c.description, c.due, c.status])));
    const thread = $("status-thread");
    thread.replaceChildren();
    current.messages = [];
    for (const e of s.events) {
      const message = e.message ? await openText(e.message, "vigie-concern-message/v1") : null;
      if (e.message) current.messages.push({ step: e.step, on: e.on, by: e.by, text: message ? message.text : null });
      const item = document.createElement("li");
      item.textContent = `${e.on} · ${e.by} · ${e.step}` + (e.tier ? ` (to ${e.tier})` : "") + (message ? `: ${message.text}` : "") + ` · log entry ${e.index}`;
      thread.append(item);
    }
    current.report = report;
    if (s.status === "pending") {
      current.proofCheck = null;
      $("status-proofs").textContent =
        `Your concern is held until ${s.entersLogOn}: it enters the log then, at a random time of day, so its place in the log does not ` +
        "date your filing. Its recipients read it from then on, and the proof of filing comes with it: open this page again after that day.";
      say($("status-verified"), "", false);
      $("status-answer").hidden = true;
      $("status-result").hidden = false;
      return;
    }
    const proofs = s.proofs.entries;
    $("status-proofs").textContent =
      `Log entries ${proofs.map((p) => p.index).join(", ")}; ${proofs.filter((p) => !p.pending).length} of ${proofs.length} have an inclusion proof ` +
      `in the signed checkpoint of size ${s.proofs.size}. Download the file below and check it offline with 'vigie concerns verify FILE'.`;
    await showProofCheck(s);
    $("status-answer").hidden = s.status === "closed";
    $("status-result").hidden = false;
  }

  // The proofs are checked here, not taken on the server's word (vigie-concern-proofs.js).
  async function showProofCheck(s) {
    const check = await globalThis.VigieProofs.verify(s);
    current.proofCheck = check;
    const shown = $("status-verified");
    const pending = check.entries.filter((e) => e.pending).length;
    if (check.problem) {
      say(shown, `The proof of filing does NOT verify in this browser: ${check.problem.replace(/\.$/, "")}. Keep the downloaded file and take it to a regulator.`, true);
      return;
    }
    const signature = check.signature === "verified"
      ? "its Ed25519 signature verified in this browser"
      : "its signature could not be checked here (this browser has no Ed25519 in WebCrypto: check the file with vigie concerns verify)";
    say(shown,
      `Verified in this browser: ${check.entries.length - pending} log entries are included in the checkpoint of size ${check.size}, ` +
      `${signature}, log key ${check.key}.` + (pending ? ` ${pending} newer entries have no proof yet; open this page again later.` : ""), false);
    shown.dataset.verified = check.signature === "verified" ? "signature-and-proofs" : "proofs";
  }

  function row(cells) {
    const tr = document.createElement("tr");
    for (const text of cells) {
      const td = document.createElement("td");
      td.textContent = text;
      tr.append(td);
    }
    return tr;
  }

  async function answer() {
    const progress = $("answer-progress");
    const text = $("answer-text").value.trim();
    if (!text) return say(progress, "Write your answer first.", true);
    say(progress, "Sealing your answer…");
    const keys = current.keys;
    const message = new TextEncoder().encode(JSON.stringify({ version: "vigie-concern-message/v1", text }));
    const envelope = await V.seal(message, [...current.status.recipients.map((r) => V.publicKeyRaw(r.publicKey)), keys.replyPublic]);
    const response = await fetch("/api/v1/concerns/answers", json(`{"locator":"${keys.locator}","access":"${keys.access}","message":${envelope}}`));
    if (!response.ok) return say(progress, await problem(response), true);
    $("answer-text").value = "";
    say(progress, "Your answer was sealed and recorded.");
    const refreshed = await fetch("/api/v1/concerns/status", json(JSON.stringify({ locator: keys.locator, access: keys.access })));
    if (refreshed.ok) {
      current.status = await refreshed.json();
      await render();
    }
  }

  function download() {
    const report = current.report;
    const bundle = {
      format: "vigie-concern-bundle/v1",
      server: location.origin,
      savedOn: new Date().toISOString().slice(0, 10),
      report: report ? { text: report.text, attachments: report.attachments } : null,
      messages: current.messages,
      checkedInBrowser: current.proofCheck,
      status: current.status,
    };
    const link = document.createElement("a");
    link.href = URL.createObjectURL(new Blob([JSON.stringify(bundle, null, 2)], { type: "application/json" }));
    link.download = `concern-${current.status.concern}.json`;
    link.click();
    URL.revokeObjectURL(link.href);
  }

  function guard(action, progressId) {
    return (event) => {
      event.preventDefault();
      action().catch((e) => say($(progressId), `Something went wrong in this browser: ${e.message}. Nothing unsealed was sent.`, true));
    };
  }

  document.addEventListener("DOMContentLoaded", async () => {
    $("concern-js-missing")?.remove();
    if (await unsupported()) return;
    $("concern-send")?.addEventListener("click", guard(fileConcern, "concern-progress"));
    $("status-open")?.addEventListener("click", guard(openStatus, "status-progress"));
    $("answer-send")?.addEventListener("click", guard(answer, "answer-progress"));
    $("status-download")?.addEventListener("click", (e) => {
      e.preventDefault();
      download();
    });
    for (const button of document.querySelectorAll("[data-needs-x25519]")) button.disabled = false;
  });
})();
