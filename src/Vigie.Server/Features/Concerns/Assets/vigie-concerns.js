// Vigie concern channel, in the browser. Seals a concern on the reporter's machine so the server
// never receives its text, and opens the replies with a key derived from the receipt. It is the
// same construction as src/Vigie.Core/Concerns (docs/decisions/0005-concern-encryption.md):
// HPKE RFC 9180 base mode, DHKEM(X25519, HKDF-SHA256), HKDF-SHA256, AES-128-GCM, and the
// vigie-concern-envelope/v1 format. WebCrypto only; no library, no build step.
"use strict";

const VigieConcerns = (() => {
  const subtle = globalThis.crypto && globalThis.crypto.subtle;
  const utf8 = new TextEncoder();
  const ascii = (s) => utf8.encode(s);
  const VERSION = "vigie-concern-envelope/v1";
  const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
  const PKCS8_X25519 = hex("302e020100300506032b656e04220420");
  const KEM_SUITE = concat(ascii("KEM"), new Uint8Array([0x00, 0x20]));
  const HPKE_SUITE = concat(ascii("HPKE"), new Uint8Array([0x00, 0x20, 0x00, 0x01, 0x00, 0x01]));

  function hex(text) {
    return new Uint8Array(text.match(/../g).map((b) => parseInt(b, 16)));
  }

  function toHex(bytes) {
    return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
  }

  function concat(...parts) {
    const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    let at = 0;
    for (const p of parts) {
      out.set(p, at);
      at += p.length;
    }
    return out;
  }

  function toBase64(bytes) {
    let text = "";
    for (let i = 0; i < bytes.length; i += 0x8000) {
      text += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
    }
    return btoa(text);
  }

  function fromBase64(text) {
    return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
  }

  function fromBase64Url(text) {
    return fromBase64(text.replace(/-/g, "+").replace(/_/g, "/") + "=".repeat((4 - (text.length % 4)) % 4));
  }

  // --- HKDF (RFC 5869) from HMAC-SHA-256: HPKE needs Extract and Expand apart. WebCrypto refuses
  // an empty HMAC key; 32 zero bytes is the same key to HMAC (RFC 2104 pads keys with zeros).
  async function hmac(key, data) {
    const k = await subtle.importKey("raw", key.length ? key : new Uint8Array(32), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
    return new Uint8Array(await subtle.sign("HMAC", k, data));
  }

  const extract = (salt, ikm) => hmac(salt, ikm);

  async function expand(prk, info, length) {
    let block = new Uint8Array(0);
    let out = new Uint8Array(0);
    for (let i = 1; out.length < length; i++) {
      block = await hmac(prk, concat(block, info, new Uint8Array([i])));
      out = concat(out, block);
    }
    return out.slice(0, length);
  }

  async function hkdf(ikm, info, length) {
    const key = await subtle.importKey("raw", ikm, "HKDF", false, ["deriveBits"]);
    return new Uint8Array(await subtle.deriveBits({ name: "HKDF", hash: "SHA-256", salt: new Uint8Array(0), info: ascii(info) }, key, length * 8));
  }

  // --- RFC 9180 §4 labeled derivations.
  const labeledExtract = (suite, salt, label, ikm) => extract(salt, concat(ascii("HPKE-v1"), suite, ascii(label), ikm));
  const labeledExpand = (suite, prk, label, info, length) =>
    expand(prk, concat(new Uint8Array([length >> 8, length & 0xff]), ascii("HPKE-v1"), suite, ascii(label), info), length);

  // --- X25519.
  async function supported() {
    try {
      await subtle.generateKey({ name: "X25519" }, true, ["deriveBits"]);
      return true;
    } catch {
      return false;
    }
  }

  const importPublic = (raw) => subtle.importKey("raw", raw, { name: "X25519" }, true, []);
  const importPrivate = (raw) => subtle.importKey("pkcs8", concat(PKCS8_X25519, raw), { name: "X25519" }, true, ["deriveBits"]);
  const dh = async (privateKey, publicRaw) =>
    new Uint8Array(await subtle.deriveBits({ name: "X25519", public: await importPublic(publicRaw) }, privateKey, 256));

  async function publicOf(privateRaw) {
    const jwk = await subtle.exportKey("jwk", await importPrivate(privateRaw));
    return fromBase64Url(jwk.x);
  }

  async function sharedSecret(dhOutput, enc, recipientPublic) {
    const prk = await labeledExtract(KEM_SUITE, new Uint8Array(0), "eae_prk", dhOutput);
    return labeledExpand(KEM_SUITE, prk, "shared_secret", concat(enc, recipientPublic), 32);
  }

  async function keySchedule(shared, info) {
    const pskIdHash = await labeledExtract(HPKE_SUITE, new Uint8Array(0), "psk_id_hash", new Uint8Array(0));
    const infoHash = await labeledExtract(HPKE_SUITE, new Uint8Array(0), "info_hash", info);
    const context = concat(new Uint8Array([0]), pskIdHash, infoHash);
    const secret = await labeledExtract(HPKE_SUITE, shared, "secret", new Uint8Array(0));
    return {
      key: await labeledExpand(HPKE_SUITE, secret, "key", context, 16),
      nonce: await labeledExpand(HPKE_SUITE, secret, "base_nonce", context, 12),
    };
  }

  async function aesGcm(encrypt, key, iv, aad, data) {
    const k = await subtle.importKey("raw", key, "AES-GCM", false, [encrypt ? "encrypt" : "decrypt"]);
    const params = { name: "AES-GCM", iv, additionalData: aad, tagLength: 128 };
    return new Uint8Array(await (encrypt ? subtle.encrypt(params, k, data) : subtle.decrypt(params, k, data)));
  }

  // SealBase(pkR, info, aad, pt), RFC 9180 §6.1.
  async function hpkeSeal(recipientPublic, info, aad, plaintext) {
    const ephemeral = await subtle.generateKey({ name: "X25519" }, true, ["deriveBits"]);
    const enc = new Uint8Array(await subtle.exportKey("raw", ephemeral.publicKey));
    const shared = await sharedSecret(await dh(ephemeral.privateKey, recipientPublic), enc, recipientPublic);
    const { key, nonce } = await keySchedule(shared, info);
    return { enc, ciphertext: await aesGcm(true, key, nonce, aad, plaintext) };
  }

  async function hpkeOpen(privateRaw, enc, info, aad, ciphertext) {
    const shared = await sharedSecret(await dh(await importPrivate(privateRaw), enc), enc, await publicOf(privateRaw));
    const { key, nonce } = await keySchedule(shared, info);
    return aesGcm(false, key, nonce, aad, ciphertext);
  }

  // --- vigie-concern-envelope/v1.
  async function keyId(publicRaw) {
    return toHex(new Uint8Array(await subtle.digest("SHA-256", publicRaw)).slice(0, 8));
  }

  function pad(content) {
    const padded = new Uint8Array((Math.floor(content.length / 1024) + 1) * 1024);
    padded.set(content);
    padded[content.length] = 0x80;
    return padded;
  }

  function unpad(padded) {
    let end = padded.length - 1;
    while (end >= 0 && padded[end] === 0) end--;
    if (end < 0 || padded[end] !== 0x80) throw new Error("The content's padding is wrong.");
    return padded.slice(0, end);
  }

  // Returns the envelope's canonical JSON text (RFC 8785: members sorted, no whitespace).
  async function seal(content, recipientPublicKeys) {
    const secret = crypto.getRandomValues(new Uint8Array(32));
    const contentKey = await hkdf(secret, VERSION + " content key", 16);
    const commitment = await hkdf(secret, VERSION + " key commitment", 32);
    const ciphertext = await aesGcm(true, contentKey, new Uint8Array(12), ascii(VERSION), pad(content));
    const parts = [];
    for (const raw of recipientPublicKeys) {
      const sealed = await hpkeSeal(raw, ascii(VERSION), commitment, secret);
      parts.push(`{"enc":"${toBase64(sealed.enc)}","keyId":"${await keyId(raw)}","sealedKey":"${toBase64(sealed.ciphertext)}"}`);
    }
    return `{"ciphertext":"${toBase64(ciphertext)}","keyCommitment":"${toBase64(commitment)}","recipients":[${parts.join(",")}],"version":"${VERSION}"}`;
  }

  async function open(envelope, privateRaw) {
    const id = await keyId(await publicOf(privateRaw));
    const part = envelope.recipients.find((r) => r.keyId === id);
    if (!part) throw new Error("This is not sealed to your key.");
    const commitment = fromBase64(envelope.keyCommitment);
    const secret = await hpkeOpen(privateRaw, fromBase64(part.enc), ascii(VERSION), commitment, fromBase64(part.sealedKey));
    const expected = await hkdf(secret, VERSION + " key commitment", 32);
    if (toHex(expected) !== toHex(commitment)) throw new Error("The key commitment does not match: the concern was altered.");
    const contentKey = await hkdf(secret, VERSION + " content key", 16);
    return unpad(await aesGcm(false, contentKey, new Uint8Array(12), ascii(VERSION), fromBase64(envelope.ciphertext)));
  }

  const publicKeyText = (raw) => "vigie-concern-public-key-v1:" + toBase64(raw);
  const publicKeyRaw = (text) => fromBase64(text.trim().replace(/^vigie-concern-public-key-v1:/, ""));

  // --- Receipts: 35 random Crockford symbols and a check symbol (first 5 bits of SHA-256 of the 35).
  async function checkSymbol(body) {
    return ALPHABET[new Uint8Array(await subtle.digest("SHA-256", ascii(body)))[0] >> 3];
  }

  async function newReceipt() {
    const body = Array.from(crypto.getRandomValues(new Uint8Array(35)), (b) => ALPHABET[b & 31]).join("");
    return body + (await checkSymbol(body));
  }

  // Returns the 36 canonical symbols, or throws with a message for the person who typed it.
  async function parseReceipt(text) {
    let symbols = "";
    for (const c of text.toUpperCase()) {
      if (c === "-" || /\s/.test(c)) continue;
      const s = c === "I" || c === "L" ? "1" : c === "O" ? "0" : c;
      if (!ALPHABET.includes(s)) throw new Error("A receipt uses only the digits 0-9 and the letters A-Z without U.");
      symbols += s;
    }
    if (symbols.length !== 36) throw new Error(`A receipt has 36 characters in 9 groups of 4; this one has ${symbols.length}.`);
    if ((await checkSymbol(symbols.slice(0, 35))) !== symbols[35]) {
      throw new Error("This receipt has a typing error: its last character does not match the others. Check each group.");
    }
    return symbols;
  }

  const displayReceipt = (symbols) => symbols.match(/.{4}/g).join("-");

  // What the server may see of a receipt (locator, access code) and the reply key it never sees.
  async function reporterKeys(symbols) {
    const input = ascii(symbols.slice(0, 35));
    const access = await hkdf(input, "vigie-concern-receipt/v1 access", 32);
    const replyPrivate = await hkdf(input, "vigie-concern-receipt/v1 reply key", 32);
    return { locator: symbols.slice(0, 9), access: toBase64(access), replyPrivate, replyPublic: await publicOf(replyPrivate) };
  }

  return { supported, seal, open, newReceipt, parseReceipt, displayReceipt, reporterKeys, publicKeyText, publicKeyRaw, toBase64, fromBase64, concat, toHex };
})();

globalThis.VigieConcerns = VigieConcerns;
