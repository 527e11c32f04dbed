package main

// A witness cosignature verifier (C2SP tlog-cosignature v1, Ed25519, key type 0x04) plugged into
// Go's note package: note.Open finds the signature line by name and key hash and calls Verify with
// the note text and the signature bytes after the key hash. Written from the specification with
// Go's standard crypto/ed25519, independently of Vigie's C# code, so the tests can hold Vigie's
// cosignatures to an outside reading of the format.

import (
	"bytes"
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/base64"
	"encoding/binary"
	"errors"
	"fmt"
	"strconv"
	"strings"
)

const cosignatureType = 0x04

type cosignatureVerifier struct {
	name string
	hash uint32
	key  ed25519.PublicKey
}

func (v *cosignatureVerifier) Name() string    { return v.name }
func (v *cosignatureVerifier) KeyHash() uint32 { return v.hash }

// Verify checks timestamp (8 bytes, big-endian) || Ed25519 signature over
// "cosignature/v1\ntime <timestamp>\n" followed by the checkpoint note text.
func (v *cosignatureVerifier) Verify(msg, sig []byte) bool {
	if len(sig) != 8+ed25519.SignatureSize {
		return false
	}
	t := binary.BigEndian.Uint64(sig[:8])
	if t > 1<<63-1 {
		return false
	}
	var m bytes.Buffer
	m.WriteString("cosignature/v1\ntime ")
	m.WriteString(strconv.FormatUint(t, 10))
	m.WriteString("\n")
	m.Write(msg)
	return ed25519.Verify(v.key, m.Bytes(), sig[8:])
}

// newCosignatureVerifier parses "<name>+<8 hex key hash>+<base64(0x04 || 32-byte key)>".
func newCosignatureVerifier(vkey string) (*cosignatureVerifier, error) {
	parts := strings.SplitN(vkey, "+", 3)
	if len(parts) != 3 {
		return nil, errors.New("witness key: want <name>+<hash>+<key>")
	}
	hash, err := strconv.ParseUint(parts[1], 16, 32)
	if err != nil || len(parts[1]) != 8 {
		return nil, errors.New("witness key: bad key hash")
	}
	raw, err := base64.StdEncoding.DecodeString(parts[2])
	if err != nil || len(raw) != 1+ed25519.PublicKeySize || raw[0] != cosignatureType {
		return nil, errors.New("witness key: want base64 of 0x04 and a 32-byte Ed25519 key")
	}
	h := sha256.New()
	h.Write([]byte(parts[0]))
	h.Write([]byte{'\n'})
	h.Write(raw)
	sum := h.Sum(nil)
	if binary.BigEndian.Uint32(sum[:4]) != uint32(hash) {
		return nil, fmt.Errorf("witness key: key hash %s does not match the key", parts[1])
	}
	return &cosignatureVerifier{name: parts[0], hash: uint32(hash), key: ed25519.PublicKey(raw[1:])}, nil
}

// witnessFlags collects repeated -witness flags.
type witnessFlags []string

func (w *witnessFlags) String() string     { return strings.Join(*w, ",") }
func (w *witnessFlags) Set(v string) error { *w = append(*w, v); return nil }
