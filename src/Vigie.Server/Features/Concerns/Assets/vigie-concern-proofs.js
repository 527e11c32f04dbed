// Vigie concern channel: the reporter's proof of filing, checked in the browser. The same checks
// as `vigie concerns verify` (src/Vigie.Cli/Verification/ConcernProofCheck.cs): the checkpoint is
// a C2SP signed note by the log's Ed25519 key; each entry of the concern hashes to an RFC 9162
// leaf whose inclusion proof leads to the checkpoint's root; the entries are the concern's, with
// day-only times and no name on the reporter's side, and the filing entry carries the digest of
// the very envelope the reporter got back. WebCrypto only (SHA-256, Ed25519); no library.
"use strict";

const VigieProofs = (() => {
  const subtle = globalThis.crypto && globalThis.crypto.subtle;
  const utf8 = new TextEncoder();
  const SIGNATURE_PREFIX = "\u2014 ";

  class ProofError extends Error {}

  const fail = (message) => {
    throw new ProofError(message);
  };

  // Shared with the sealing code (vigie-concerns.js, loaded first).
  const { concat, toHex } = globalThis.VigieConcerns;

  const equal = (a, b) => a.length === b.length && a.every((x, i) => x === b[i]);
  const sha256 = async (bytes) => new Uint8Array(await subtle.digest("SHA-256", bytes));

  function base64(text, what) {
    try {
      return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
    } catch {
      return fail(`${what} is not base64.`);
    }
  }

  // The note verifier key "<name>+<8 hex key id>+<base64(0x01 || Ed25519 public key)>"; the key id
  // is the first 4 bytes of SHA-256(name || "\n" || 0x01 || public key) (C2SP signed-note).
  async function parseKey(text) {
    // The name holds no "+"; the base64 key may.
    const match = /^([^+]+)\+([0-9a-f]{8})\+(.+)$/.exec(String(text));
    if (!match) fail("The log's key is not a note verifier key (<name>+<id>+<key>).");
    const parts = match.slice(1);
    const raw = base64(parts[2], "The log's key");
    if (raw.length !== 33 || raw[0] !== 0x01) fail("The log's key is not an Ed25519 key.");
    const publicKey = raw.subarray(1);
    const id = (await sha256(concat(utf8.encode(parts[0]), new Uint8Array([0x0a, 0x01]), publicKey))).subarray(0, 4);
    if (toHex(id) !== parts[1]) fail("The log key's id does not match its key.");
    return { name: parts[0], id, publicKey, text: String(text) };
  }

  // C2SP signed note: the text ends at the last blank line; each signature line is
  // "— <name> base64(4-byte key id || 64-byte signature)". Returns the text and whether the
  // signature could be checked here ("verified") or the browser lacks Ed25519 ("unsupported").
  async function openNote(note, key) {
    const split = note.lastIndexOf("\n\n");
    if (split < 0 || !note.endsWith("\n")) fail("The checkpoint is not a signed note.");
    const text = note.slice(0, split + 1);
    const lines = note.slice(split + 2, -1).split("\n");
    const mine = [];
    for (const line of lines) {
      if (!line.startsWith(SIGNATURE_PREFIX)) fail("The checkpoint has a malformed signature line.");
      const rest = line.slice(SIGNATURE_PREFIX.length);
      const space = rest.lastIndexOf(" ");
      const signature = base64(rest.slice(space + 1), "A checkpoint signature");
      if (rest.slice(0, space) === key.name && signature.length === 68 && equal(signature.subarray(0, 4), key.id)) mine.push(signature.subarray(4));
    }
    if (mine.length === 0) fail(`The checkpoint carries no signature by the log's key ${key.name}.`);

    let verifier;
    try {
      verifier = await subtle.importKey("raw", key.publicKey, { name: "Ed25519" }, false, ["verify"]);
    } catch {
      return { text, signature: "unsupported" };
    }
    for (const signature of mine) {
      if (await subtle.verify({ name: "Ed25519" }, verifier, signature, utf8.encode(text))) return { text, signature: "verified" };
    }
    return fail("The checkpoint's signature does not verify: the checkpoint was altered or signed by another key.");
  }

  // C2SP tlog-checkpoint: origin, tree size, base64 root hash, then optional extension lines.
  function parseCheckpoint(text, origin) {
    const lines = text.split("\n");
    if (lines.length < 4 || lines[0] !== origin) fail(`The checkpoint is not one of log ${origin}.`);
    if (!/^(0|[1-9][0-9]{0,15})$/.test(lines[1])) fail("The checkpoint's size is not a number.");
    const root = base64(lines[2], "The checkpoint's root hash");
    if (root.length !== 32) fail("The checkpoint's root hash is not 32 bytes.");
    return { size: Number(lines[1]), root };
  }

  const leafHash = async (entry) => sha256(concat(new Uint8Array([0x00]), entry));
  const nodeHash = async (left, right) => sha256(concat(new Uint8Array([0x01]), left, right));

  // RFC 9162 §2.1.3.2, step by step. Sizes stay far below 2^53, so plain numbers are exact.
  async function verifyInclusion(index, size, leaf, path, root) {
    if (index >= size) return false;
    let fn = index;
    let sn = size - 1;
    let r = leaf;
    for (const p of path) {
      if (sn === 0) return false;
      if (fn % 2 === 1 || fn === sn) {
        r = await nodeHash(p, r);
        if (fn % 2 === 0) {
          while (fn % 2 === 0 && fn !== 0) {
            fn = Math.floor(fn / 2);
            sn = Math.floor(sn / 2);
          }
        }
      } else {
        r = await nodeHash(r, p);
      }
      fn = Math.floor(fn / 2);
      sn = Math.floor(sn / 2);
    }
    return sn === 0 && equal(r, root);
  }

  // RFC 8785 for what an envelope holds (objects, arrays, strings, integers): members sorted by
  // UTF-16 code units, no whitespace, strings as JSON.stringify writes them.
  function canonical(value) {
    if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
    if (value !== null && typeof value === "object") {
      return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`).join(",")}}`;
    }
    if (typeof value === "number" && !Number.isInteger(value)) fail("The envelope holds a number this check does not canonicalise.");
    return JSON.stringify(value);
  }

  async function checkEntry(proof, checkpoint, concern, digest) {
    const bytes = base64(proof.entry, `Entry ${proof.index}`);
    let entry;
    try {
      entry = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
    } catch {
      return { index: proof.index, kind: "", pending: proof.pending, problem: `entry ${proof.index} is not a log entry` };
    }
    const body = entry.body || {};
    const problem = (text) => `entry ${proof.index} (${entry.kind}): ${text}`;
    let why =
      typeof entry.kind !== "string" || !entry.kind.startsWith("concern.") ? problem("not a concern entry")
      : typeof entry.time !== "string" || !entry.time.endsWith("T00:00:00.000Z") ? problem("it records an exact time, not a day")
      : entry.visibility === "public" && entry.actor !== undefined ? problem("a public concern entry names an actor")
      : entry.visibility === "public" && body.concern !== concern ? problem(`it is not about concern ${concern}`)
      : entry.kind === "concern.filed/v1" && body.envelopeSha256 !== digest ? problem("it does not carry the digest of the concern you got back")
      : null;
    if (!why && !proof.pending) {
      const path = (proof.hashes || []).map((h) => base64(h, "A proof hash"));
      if (!(await verifyInclusion(proof.index, checkpoint.size, await leafHash(bytes), path, checkpoint.root))) {
        why = problem("its inclusion proof does not lead to the checkpoint's root");
      }
    }
    return { index: proof.index, kind: entry.kind, day: String(entry.time).slice(0, 10), pending: !!proof.pending, problem: why };
  }

  // Everything the status says belongs to the concern must have a proof (or be pending).
  function claimed(status) {
    const indexes = [status.receivedIndex];
    for (const e of status.events) {
      indexes.push(e.index);
      if (typeof e.detailIndex === "number") indexes.push(e.detailIndex);
    }
    return indexes;
  }

  // The whole check on a status the server sent: { signature, key, size, entries, problem }.
  async function verify(status) {
    const proofs = status.proofs;
    try {
      const key = await parseKey(proofs.verifierKey);
      const { text, signature } = await openNote(proofs.checkpoint, key);
      const checkpoint = parseCheckpoint(text, key.name);
      const digest = toHex(await sha256(utf8.encode(canonical(status.envelope))));
      const entries = [];
      for (const proof of proofs.entries) entries.push(await checkEntry(proof, checkpoint, status.concern, digest));
      const proven = new Set(entries.map((e) => e.index));
      const missing = claimed(status).filter((i) => !proven.has(i));
      const problem = missing.length ? `the status names log entries ${missing.join(", ")} but gives no proof for them`
        : entries.find((e) => e.problem)?.problem ?? null;
      return { signature, key: key.text, size: checkpoint.size, entries, problem };
    } catch (e) {
      if (!(e instanceof ProofError)) throw e;
      return { signature: "failed", key: String(proofs.verifierKey), size: 0, entries: [], problem: e.message };
    }
  }

  return { verify, verifyInclusion, leafHash, parseKey, canonical };
})();

globalThis.VigieProofs = VigieProofs;
