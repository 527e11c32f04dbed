// The recipient's concern page (/app/concerns/{id}): unlocks the recipient's private key in this
// browser (read from a file, kept in memory only, never sent), opens the report and the
// conversation, and seals replies to the reporter and every recipient before the form posts.
"use strict";

(() => {
  const V = globalThis.VigieConcerns;
  const $ = (id) => document.getElementById(id);
  let privateKey = null;
  let replyKey = null;

  function parsePrivateKey(text) {
    if (text.trim().startsWith("vigie-concern-private-key-v2:")) {
      throw new Error(
        "This key file is protected by a passphrase, which this page cannot open: browsers have no Argon2id in WebCrypto. " +
          "Read and answer with 'vigie concerns read --key FILE', or unlock here with an unprotected copy kept on an encrypted disk.");
    }
    const match = /^vigie-concern-private-key-v1:([A-Za-z0-9+/]{43}=)$/.exec(text.trim());
    if (!match) throw new Error("This is not a private key file (one line starting with vigie-concern-private-key-v1:).");
    return V.fromBase64(match[1]);
  }

  async function unlock() {
    const progress = $("key-progress");
    const file = $("key-file").files[0];
    if (!file) {
      progress.textContent = "Choose your private key file first.";
      return;
    }

    try {
      privateKey = parsePrivateKey(await file.text());
    } catch (e) {
      progress.textContent = e.message;
      return;
    }

    let opened = 0;
    for (const element of document.querySelectorAll("[data-envelope]")) {
      try {
        const content = JSON.parse(new TextDecoder().decode(await V.open(JSON.parse(element.dataset.envelope), privateKey)));
        if (element.dataset.kind === "report") {
          replyKey = V.publicKeyRaw(content.replyKey);
          const names = (content.attachments || []).map((a) => `${a.name} (${a.mediaType})`);
          element.textContent = content.text + (names.length ? `\n\nAttachments: ${names.join(", ")}` : "");
        } else {
          element.textContent = content.text;
        }
        opened++;
      } catch (e) {
        element.textContent = `(cannot be opened with this key: ${e.message})`;
      }
    }
    progress.textContent = `Unlocked: ${opened} sealed item(s) opened in this browser.`;
  }

  async function sealReply(form) {
    const text = $("reply-text").value.trim();
    if (!text) throw new Error("Write the reply first.");
    if (!privateKey || !replyKey) throw new Error("Unlock your key above first: the reply is sealed to the reporter's key, read from the report.");
    const recipients = JSON.parse(form.dataset.recipients).map(V.publicKeyRaw);
    const message = new TextEncoder().encode(JSON.stringify({ version: "vigie-concern-message/v1", text }));
    $("reply-message").value = await V.seal(message, [...recipients, replyKey]);
    $("reply-text").value = "";
  }

  document.addEventListener("DOMContentLoaded", async () => {
    $("concern-js-missing")?.remove();
    if (!(await V.supported())) {
      $("concern-unsupported").hidden = false;
      return;
    }

    for (const button of document.querySelectorAll("[data-needs-x25519]")) button.disabled = false;
    $("key-unlock")?.addEventListener("click", () => unlock().catch((e) => ($("key-progress").textContent = e.message)));
    const form = $("reply-form");
    form?.addEventListener("submit", (event) => {
      if ($("reply-message").value) return; // sealed: let it post
      event.preventDefault();
      sealReply(form)
        .then(() => form.submit())
        .catch((e) => ($("key-progress").textContent = e.message));
    });
  });
})();
