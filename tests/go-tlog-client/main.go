// Command go-tlog-client is an independent C2SP tlog-tiles client built on Go's own
// transparency-log code (golang.org/x/mod/sumdb/note and sumdb/tlog). Given only a log's
// verifier key, it checks the signed checkpoint, authenticates every hash tile it reads against
// the checkpoint's root, and proves every entry of the log into that root. Vigie's tests run it
// against a live server to show that Vigie's log verifies with code Vigie did not write.
//
// Usage:
//
//	go-tlog-client -url http://127.0.0.1:PORT -key '<verifier key>' [-old-size N -old-root B64]
//
// It prints "verified <size> entries of <origin>" and exits 0, or prints the reason and exits 1.
//
// Where Go's sumdb conventions differ from C2SP tlog-tiles, this program follows C2SP:
//   - hash tiles live at tile/<L>/<N>[.p/<W>] (height 8 implied), not tile/<H>/<L>/<N>;
//   - entries come in bundles at tile/entries/<N>[.p/<W>], each entry prefixed by its length
//     as a big-endian uint16, rather than sumdb's data tiles;
//   - the checkpoint body is origin, decimal size, base64 root hash, then optional extension
//     lines, rather than sumdb's "go.sum database tree" format that tlog.ParseTree expects.
package main

import (
	"bytes"
	"encoding/base64"
	"encoding/binary"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"strconv"
	"strings"
	"time"

	"golang.org/x/mod/sumdb/note"
	"golang.org/x/mod/sumdb/tlog"
)

// tileHeight is fixed by C2SP tlog-tiles: 256 hashes per full tile.
const tileHeight = 8

const fullWidth = 1 << tileHeight

func main() {
	base := flag.String("url", "", "server URL; the log is read from <url>/log/")
	key := flag.String("key", "", "the log's verifier key (note.NewVerifier format)")
	oldSize := flag.Int64("old-size", 0, "size of an earlier checkpoint to prove consistent with the current one")
	oldRoot := flag.String("old-root", "", "base64 root hash of that earlier checkpoint")
	var witnesses witnessFlags
	flag.Var(&witnesses, "witness", "a witness's cosignature key (type 0x04); the checkpoint must carry its valid cosignature (repeatable)")
	flag.Parse()

	if *base == "" || *key == "" {
		fail(errors.New("usage: go-tlog-client -url http://127.0.0.1:PORT -key '<verifier key>' [-old-size N -old-root B64]"))
	}
	if (*oldSize != 0) != (*oldRoot != "") {
		fail(errors.New("-old-size and -old-root go together"))
	}

	c := &client{
		prefix: strings.TrimSuffix(*base, "/") + "/log/",
		http:   &http.Client{Timeout: 30 * time.Second},
	}
	if err := run(c, *key, *oldSize, *oldRoot, witnesses); err != nil {
		fail(err)
	}
}

func fail(err error) {
	fmt.Println("FAILED:", err)
	os.Exit(1)
}

func run(c *client, key string, oldSize int64, oldRootB64 string, witnessKeys []string) error {
	verifier, err := note.NewVerifier(key)
	if err != nil {
		return fmt.Errorf("verifier key: %w", err)
	}
	known := []note.Verifier{verifier}
	for _, w := range witnessKeys {
		wv, err := newCosignatureVerifier(w)
		if err != nil {
			return err
		}
		known = append(known, wv)
	}

	msg, err := c.get("checkpoint")
	if err != nil {
		return err
	}
	n, err := note.Open(msg, note.VerifierList(known...))
	if err != nil {
		return fmt.Errorf("checkpoint signature: %w", err)
	}
	// note.Open verified every line by a known key; each witness asked for must be among them.
	for _, w := range known[1:] {
		found := false
		for _, s := range n.Sigs {
			if s.Name == w.Name() && s.Hash == w.KeyHash() {
				found = true
			}
		}
		if !found {
			return fmt.Errorf("checkpoint has no cosignature by witness %s", w.Name())
		}
		fmt.Printf("cosigned by witness %s\n", w.Name())
	}
	cp, err := parseCheckpoint(n.Text)
	if err != nil {
		return fmt.Errorf("checkpoint body: %w", err)
	}
	// A client holding only the key knows which log it expects by the key's name.
	if cp.origin != verifier.Name() {
		return fmt.Errorf("checkpoint origin %q is not the key's name %q", cp.origin, verifier.Name())
	}
	if cp.size == 0 {
		// Go's tlog uses 32 zero bytes as the empty tree's hash; RFC 9162 uses SHA-256("").
		return errors.New("checkpoint has size 0; a Vigie log always has entries after its first start")
	}

	tree := tlog.Tree{N: cp.size, Hash: cp.root}
	tiles := &tileReader{c: c, cache: map[tlog.Tile][]byte{}}
	hashes := tlog.TileHashReader(tree, tiles)

	if oldSize != 0 {
		if err := checkConsistency(tree, hashes, oldSize, oldRootB64); err != nil {
			return err
		}
		fmt.Printf("consistent with the checkpoint of size %d\n", oldSize)
	}

	for start := int64(0); start < cp.size; start += fullWidth {
		bundleIndex := start / fullWidth
		width := cp.size - start
		if width > fullWidth {
			width = fullWidth
		}
		path := "tile/entries/" + tileIndexPath(bundleIndex, int(width))
		data, err := c.get(path)
		if err != nil {
			return err
		}
		entries, err := decodeBundle(data, int(width))
		if err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		for k, entry := range entries {
			i := start + int64(k)
			proof, err := tlog.ProveRecord(cp.size, i, hashes)
			if err != nil {
				return fmt.Errorf("inclusion proof for entry %d: %w", i, err)
			}
			if err := tlog.CheckRecord(proof, cp.size, cp.root, i, tlog.RecordHash(entry)); err != nil {
				return fmt.Errorf("entry %d (from %s) is not in the tree of size %d: %w", i, path, cp.size, err)
			}
		}
	}

	fmt.Printf("verified %d entries of %s\n", cp.size, cp.origin)
	return nil
}

func checkConsistency(tree tlog.Tree, hashes tlog.HashReader, oldSize int64, oldRootB64 string) error {
	if oldSize < 1 || oldSize > tree.N {
		return fmt.Errorf("-old-size %d is not between 1 and the checkpoint's size %d", oldSize, tree.N)
	}
	oldRoot, err := decodeHash(oldRootB64)
	if err != nil {
		return fmt.Errorf("-old-root: %w", err)
	}
	proof, err := tlog.ProveTree(tree.N, oldSize, hashes)
	if err != nil {
		return fmt.Errorf("consistency proof %d -> %d: %w", oldSize, tree.N, err)
	}
	if err := tlog.CheckTree(proof, tree.N, tree.Hash, oldSize, oldRoot); err != nil {
		return fmt.Errorf("the tree of size %d is not consistent with the given root of size %d: %w", tree.N, oldSize, err)
	}
	return nil
}

type checkpoint struct {
	origin string
	size   int64
	root   tlog.Hash
}

// parseCheckpoint reads a C2SP tlog-checkpoint body: origin, decimal tree size, base64 root
// hash, then any extension lines (which this client does not interpret).
func parseCheckpoint(text string) (checkpoint, error) {
	var cp checkpoint
	if !strings.HasSuffix(text, "\n") {
		return cp, errors.New("does not end with a newline")
	}
	lines := strings.Split(strings.TrimSuffix(text, "\n"), "\n")
	if len(lines) < 3 {
		return cp, fmt.Errorf("has %d lines; want origin, size and root hash", len(lines))
	}
	if lines[0] == "" {
		return cp, errors.New("empty origin line")
	}
	cp.origin = lines[0]

	sizeText := lines[1]
	if sizeText == "" || (len(sizeText) > 1 && sizeText[0] == '0') || strings.TrimLeft(sizeText, "0123456789") != "" {
		return cp, fmt.Errorf("size %q is not a decimal number without leading zeros", sizeText)
	}
	size, err := strconv.ParseInt(sizeText, 10, 64)
	if err != nil {
		return cp, fmt.Errorf("size %q: %w", sizeText, err)
	}
	cp.size = size

	cp.root, err = decodeHash(lines[2])
	if err != nil {
		return cp, fmt.Errorf("root hash: %w", err)
	}

	for i, ext := range lines[3:] {
		if ext == "" {
			return cp, fmt.Errorf("extension line %d is empty", i+1)
		}
	}
	return cp, nil
}

func decodeHash(b64 string) (tlog.Hash, error) {
	var h tlog.Hash
	raw, err := base64.StdEncoding.DecodeString(b64)
	if err != nil {
		return h, fmt.Errorf("%q is not standard base64: %w", b64, err)
	}
	if len(raw) != tlog.HashSize {
		return h, fmt.Errorf("%q decodes to %d bytes, want %d", b64, len(raw), tlog.HashSize)
	}
	if base64.StdEncoding.EncodeToString(raw) != b64 {
		return h, fmt.Errorf("%q is not canonical base64", b64)
	}
	copy(h[:], raw)
	return h, nil
}

// decodeBundle splits a C2SP entry bundle: each entry is a big-endian uint16 length followed
// by that many bytes; the bundle must hold exactly want entries and nothing after them.
func decodeBundle(data []byte, want int) ([][]byte, error) {
	var entries [][]byte
	for len(data) > 0 {
		if len(data) < 2 {
			return nil, fmt.Errorf("%d stray byte(s) after entry %d", len(data), len(entries))
		}
		n := int(binary.BigEndian.Uint16(data))
		data = data[2:]
		if len(data) < n {
			return nil, fmt.Errorf("entry %d claims %d bytes but only %d remain", len(entries), n, len(data))
		}
		entries = append(entries, data[:n])
		data = data[n:]
	}
	if len(entries) != want {
		return nil, fmt.Errorf("holds %d entries, want %d", len(entries), want)
	}
	return entries, nil
}

// tileIndexPath writes N as C2SP path elements of three digits, all but the last prefixed with
// "x" (1234067 -> x001/x234/067), followed by ".p/<W>" for a partial tile.
func tileIndexPath(n int64, width int) string {
	s := fmt.Sprintf("%03d", n%1000)
	for n /= 1000; n > 0; n /= 1000 {
		s = fmt.Sprintf("x%03d/%s", n%1000, s)
	}
	if width < fullWidth {
		s += fmt.Sprintf(".p/%d", width)
	}
	return s
}

// c2spTilePath maps Go's tlog.Tile (height in the struct, sumdb path tile/H/L/N) to the C2SP
// hash tile path tile/<L>/<N>[.p/<W>].
func c2spTilePath(t tlog.Tile) (string, error) {
	if t.H != tileHeight {
		return "", fmt.Errorf("tile of height %d requested; C2SP tiles have height %d", t.H, tileHeight)
	}
	if t.L < 0 {
		return "", fmt.Errorf("data tile %v requested; C2SP serves entry bundles instead", t)
	}
	if t.W < 1 || t.W > fullWidth {
		return "", fmt.Errorf("tile width %d out of range", t.W)
	}
	return fmt.Sprintf("tile/%d/%s", t.L, tileIndexPath(t.N, t.W)), nil
}

// tileReader fetches C2SP hash tiles for tlog.TileHashReader, which checks every tile it reads
// against the tree root before using any hash from it. The cache only saves round trips: the
// bytes are re-authenticated on every ReadHashes call.
type tileReader struct {
	c     *client
	cache map[tlog.Tile][]byte
}

func (r *tileReader) Height() int { return tileHeight }

func (r *tileReader) ReadTiles(tiles []tlog.Tile) ([][]byte, error) {
	out := make([][]byte, len(tiles))
	for i, t := range tiles {
		if data, ok := r.cache[t]; ok {
			out[i] = data
			continue
		}
		path, err := c2spTilePath(t)
		if err != nil {
			return nil, err
		}
		data, err := r.c.get(path)
		if err != nil {
			return nil, err
		}
		if len(data) != t.W*tlog.HashSize {
			return nil, fmt.Errorf("%s: %d bytes, want %d (%d hashes)", path, len(data), t.W*tlog.HashSize, t.W)
		}
		r.cache[t] = data
		out[i] = data
	}
	return out, nil
}

func (r *tileReader) SaveTiles(tiles []tlog.Tile, data [][]byte) {}

type client struct {
	prefix string
	http   *http.Client
}

func (c *client) get(path string) ([]byte, error) {
	url := c.prefix + path
	resp, err := c.http.Get(url)
	if err != nil {
		return nil, fmt.Errorf("GET %s: %w", url, err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, 1<<24))
	if err != nil {
		return nil, fmt.Errorf("GET %s: %w", url, err)
	}
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("GET %s: %s: %s", url, resp.Status, bytes.TrimSpace(body))
	}
	return body, nil
}
