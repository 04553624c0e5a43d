// Command gocheck cross-checks Veedor's signed checkpoints, witness cosignatures, tiles and
// tlog-proof files with Go's golang.org/x/mod/sumdb/note and golang.org/x/mod/sumdb/tlog packages,
// an implementation written independently of Veedor's.
//
// Usage:
//
//	gocheck note VKEYFILE CHECKPOINTFILE
//	gocheck cosig WITNESS_VKEYFILE CHECKPOINTFILE
//	gocheck tiles DIR
//	gocheck proof VKEYFILE PROOFFILE ENTRYFILE
//
// Each subcommand exits 0 when the input checks out, and 1 with a one-line reason otherwise
// (2 for a usage error).
//
// Build with the Debian packages golang-go and golang-golang-x-mod-dev:
//
//	GOPATH=/usr/share/gocode GO111MODULE=off go build -o gocheck ./scripts/gocheck
package main

import (
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/base64"
	"encoding/binary"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"golang.org/x/mod/sumdb/note"
	"golang.org/x/mod/sumdb/tlog"
)

// tileHeight is the C2SP tlog-tiles tile height: 2^8 = 256 hashes per full tile.
const tileHeight = 8

// cosignatureType is the C2SP tlog-cosignature v1 (Ed25519) signature type byte.
const cosignatureType = 0x04

func main() {
	if len(os.Args) < 2 {
		usage()
	}
	var err error
	args := os.Args[2:]
	switch os.Args[1] {
	case "note":
		need(args, 2)
		err = checkNote(args[0], args[1])
	case "cosig":
		need(args, 2)
		err = checkCosig(args[0], args[1])
	case "tiles":
		need(args, 1)
		err = checkTiles(args[0])
	case "proof":
		need(args, 3)
		err = checkProof(args[0], args[1], args[2])
	default:
		usage()
	}
	if err != nil {
		fmt.Fprintf(os.Stderr, "gocheck %s: %s\n", os.Args[1], oneLine(err.Error()))
		os.Exit(1)
	}
}

// usage prints how to call the program and exits 2.
func usage() {
	fmt.Fprintln(os.Stderr, "usage: gocheck note VKEY CHECKPOINT | cosig WITNESS_VKEY CHECKPOINT | tiles DIR | proof VKEY PROOF ENTRY")
	os.Exit(2)
}

// need exits with the usage text unless exactly n arguments were given.
func need(args []string, n int) {
	if len(args) != n {
		usage()
	}
}

// oneLine keeps a reason on a single line.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// checkpoint is the body of a C2SP tlog-checkpoint: origin, tree size and root hash.
type checkpoint struct {
	origin string
	size   int64
	root   tlog.Hash
}

// parseCheckpoint parses a checkpoint body (extension lines after the root are allowed).
func parseCheckpoint(text string) (checkpoint, error) {
	lines := strings.SplitN(text, "\n", 4)
	if len(lines) < 4 || lines[0] == "" {
		return checkpoint{}, errors.New("checkpoint body is not origin, size and root lines")
	}
	size, err := strconv.ParseInt(lines[1], 10, 64)
	if err != nil || size < 0 || strconv.FormatInt(size, 10) != lines[1] {
		return checkpoint{}, fmt.Errorf("checkpoint size %q is not a decimal number", lines[1])
	}
	root, err := base64.StdEncoding.DecodeString(lines[2])
	if err != nil || len(root) != tlog.HashSize {
		return checkpoint{}, fmt.Errorf("checkpoint root %q is not a base64 32-byte hash", lines[2])
	}
	var h tlog.Hash
	copy(h[:], root)
	return checkpoint{origin: lines[0], size: size, root: h}, nil
}

// readVKey reads a verifier key file (one line).
func readVKey(path string) (string, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return "", err
	}
	return strings.TrimSpace(string(data)), nil
}

// openNote verifies a signed note with note.Open and the given verifier key and returns its checkpoint body.
func openNote(vkey string, msg []byte) (checkpoint, error) {
	verifier, err := note.NewVerifier(vkey)
	if err != nil {
		return checkpoint{}, fmt.Errorf("verifier key: %v", err)
	}
	n, err := note.Open(msg, note.VerifierList(verifier))
	if err != nil {
		return checkpoint{}, fmt.Errorf("note.Open: %v", err)
	}
	body, err := parseCheckpoint(n.Text)
	if err != nil {
		return checkpoint{}, err
	}
	if body.origin != verifier.Name() {
		return checkpoint{}, fmt.Errorf("checkpoint origin %q is not the key name %q", body.origin, verifier.Name())
	}
	return body, nil
}

// checkNote verifies a checkpoint note with a signed-note verifier key (type 0x01).
func checkNote(vkeyFile, checkpointFile string) error {
	vkey, err := readVKey(vkeyFile)
	if err != nil {
		return err
	}
	msg, err := os.ReadFile(checkpointFile)
	if err != nil {
		return err
	}
	body, err := openNote(vkey, msg)
	if err != nil {
		return err
	}
	fmt.Printf("note ok: %s, %d entries, root %s\n", body.origin, body.size, body.root)
	return nil
}

// parseUnverified parses a note with Go's note package without trusting any key, giving its text
// and signature lines.
func parseUnverified(msg []byte) (*note.Note, error) {
	_, err := note.Open(msg, note.VerifierList())
	var unverified *note.UnverifiedNoteError
	if errors.As(err, &unverified) {
		return unverified.Note, nil
	}
	if err == nil {
		return nil, errors.New("a note verified without any key")
	}
	return nil, fmt.Errorf("note.Open: %v", err)
}

// checkCosig verifies a C2SP tlog-cosignature v1 (type 0x04) line on a checkpoint note with crypto/ed25519.
func checkCosig(vkeyFile, checkpointFile string) error {
	vkey, err := readVKey(vkeyFile)
	if err != nil {
		return err
	}
	parts := strings.SplitN(vkey, "+", 3)
	if len(parts) != 3 || len(parts[1]) != 8 {
		return errors.New("witness key is not NAME+KEYID+BASE64")
	}
	name := parts[0]
	wantID, err1 := strconv.ParseUint(parts[1], 16, 32)
	key, err2 := base64.StdEncoding.DecodeString(parts[2])
	if err1 != nil || err2 != nil || len(key) != 1+ed25519.PublicKeySize || key[0] != cosignatureType {
		return errors.New("witness key is not an Ed25519 cosigner key (type 0x04)")
	}
	idHash := sha256.Sum256(append([]byte(name+"\n"), key...))
	keyID := binary.BigEndian.Uint32(idHash[:4])
	if keyID != uint32(wantID) {
		return fmt.Errorf("witness key ID %s does not match its key (want %08x)", parts[1], keyID)
	}
	pub := ed25519.PublicKey(key[1:])
	msg, err := os.ReadFile(checkpointFile)
	if err != nil {
		return err
	}
	n, err := parseUnverified(msg)
	if err != nil {
		return err
	}
	if _, err := parseCheckpoint(n.Text); err != nil {
		return err
	}
	found := false
	for _, sig := range n.UnverifiedSigs {
		if sig.Name != name || sig.Hash != keyID {
			continue
		}
		found = true
		raw, err := base64.StdEncoding.DecodeString(sig.Base64)
		if err != nil || len(raw) != 4+8+ed25519.SignatureSize {
			return errors.New("the cosignature line is not key ID, timestamp and Ed25519 signature")
		}
		timestamp := binary.BigEndian.Uint64(raw[4:12])
		signed := []byte(fmt.Sprintf("cosignature/v1\ntime %d\n%s", timestamp, n.Text))
		if !ed25519.Verify(pub, signed, raw[12:]) {
			return fmt.Errorf("the cosignature by %s (time %d) does not verify", name, timestamp)
		}
		fmt.Printf("cosignature ok: %s at time %d\n", name, timestamp)
		return nil
	}
	if !found {
		return fmt.Errorf("no signature line by %s with key ID %08x", name, keyID)
	}
	return nil
}

// encodeN writes a tile number as C2SP tlog-tiles does: 3-digit groups, all but the last with an x prefix.
func encodeN(n int64) string {
	s := fmt.Sprintf("%03d", n%1000)
	for n >= 1000 {
		n /= 1000
		s = fmt.Sprintf("x%03d/%s", n%1000, s)
	}
	return s
}

// veedorPath maps a Go tile (height 8) to its C2SP tlog-tiles path, reusing Go's Path() for the N
// encoding and checking it against an independent one.
func veedorPath(t tlog.Tile) (string, error) {
	if t.H != tileHeight || t.W < 1 || t.W > 1<<tileHeight {
		return "", fmt.Errorf("unexpected tile %+v", t)
	}
	goPath := t.Path()
	level := strconv.Itoa(t.L)
	prefix := fmt.Sprintf("tile/%d/%s/", tileHeight, level)
	if t.L == -1 {
		level = "entries"
		prefix = fmt.Sprintf("tile/%d/data/", tileHeight)
	}
	if !strings.HasPrefix(goPath, prefix) {
		return "", fmt.Errorf("Go's tile path %s does not start with %s", goPath, prefix)
	}
	path := "tile/" + level + "/" + strings.TrimPrefix(goPath, prefix)
	want := "tile/" + level + "/" + encodeN(t.N)
	if t.W != 1<<tileHeight {
		want += fmt.Sprintf(".p/%d", t.W)
	}
	if path != want {
		return "", fmt.Errorf("Go's tile path %s maps to %s, not %s", goPath, path, want)
	}
	return path, nil
}

// dirTiles is a tlog.TileReader over a tiles folder; it caches each file it reads.
type dirTiles struct {
	dir   string
	cache map[string][]byte
}

// Height is the tile height, 8.
func (d *dirTiles) Height() int { return tileHeight }

// ReadTiles reads each tile from its C2SP path.
func (d *dirTiles) ReadTiles(tiles []tlog.Tile) ([][]byte, error) {
	out := make([][]byte, len(tiles))
	for i, t := range tiles {
		data, err := d.read(t)
		if err != nil {
			return nil, err
		}
		out[i] = data
	}
	return out, nil
}

// SaveTiles does nothing: the folder is only read.
func (d *dirTiles) SaveTiles(tiles []tlog.Tile, data [][]byte) {}

// read returns one tile's bytes.
func (d *dirTiles) read(t tlog.Tile) ([]byte, error) {
	path, err := veedorPath(t)
	if err != nil {
		return nil, err
	}
	if data, ok := d.cache[path]; ok {
		return data, nil
	}
	data, err := os.ReadFile(filepath.Join(d.dir, filepath.FromSlash(path)))
	if err != nil {
		return nil, fmt.Errorf("reading %s: %v", path, err)
	}
	d.cache[path] = data
	return data, nil
}

// splitBundle splits an entry bundle into its entries (2-byte big-endian length, then the bytes).
func splitBundle(path string, data []byte) ([][]byte, error) {
	var entries [][]byte
	for len(data) > 0 {
		if len(data) < 2 {
			return nil, fmt.Errorf("%s ends inside a length prefix", path)
		}
		n := int(binary.BigEndian.Uint16(data))
		if len(data) < 2+n {
			return nil, fmt.Errorf("%s ends inside an entry", path)
		}
		entries = append(entries, data[2:2+n])
		data = data[2+n:]
	}
	return entries, nil
}

// checkPathNames checks that every file under DIR/tile is a tile path Go's ParseTilePath accepts.
func checkPathNames(dir string) (int, error) {
	count := 0
	root := filepath.Join(dir, "tile")
	err := filepath.WalkDir(root, func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		rel, err := filepath.Rel(root, p)
		if err != nil {
			return err
		}
		rel = filepath.ToSlash(rel)
		goForm := fmt.Sprintf("tile/%d/%s", tileHeight, rel)
		if strings.HasPrefix(rel, "entries/") {
			goForm = fmt.Sprintf("tile/%d/data/%s", tileHeight, strings.TrimPrefix(rel, "entries/"))
		}
		t, err := tlog.ParseTilePath(goForm)
		if err != nil {
			return fmt.Errorf("tile/%s: %v", rel, err)
		}
		back, err := veedorPath(t)
		if err != nil {
			return err
		}
		if back != "tile/"+rel {
			return fmt.Errorf("tile/%s parses to a tile written %s", rel, back)
		}
		count++
		return nil
	})
	return count, err
}

// checkFullTiles checks that each full hash tile hashes (tlog.HashFromTile, tlog.NodeHash) to the hash
// its parent tile holds at its position, read from the parent's bytes, higher levels first; with the partial tiles, which
// tlog.TreeHash authenticates against the root, this authenticates every tile. Returns how many.
func checkFullTiles(reader *dirTiles, size int64) (int, error) {
	checked := 0
	top := -1
	for size>>(uint(top+2)*tileHeight) > 0 {
		top++
	}
	// From the top down, so a tampered tile is named rather than its children.
	for level := top; level >= 0; level-- {
		parentCount := size >> (uint(level+1) * tileHeight)
		for n := int64(0); n < parentCount; n++ {
			tile := tlog.Tile{H: tileHeight, L: level, N: n, W: 1 << tileHeight}
			data, err := reader.read(tile)
			if err != nil {
				return checked, err
			}
			if len(data) != tile.W*tlog.HashSize {
				return checked, fmt.Errorf("%s is %d bytes, not %d", mustPath(tile), len(data), tile.W*tlog.HashSize)
			}
			left, err1 := tlog.HashFromTile(tile, data, tlog.StoredHashIndex(level*tileHeight+tileHeight-1, 2*n))
			right, err2 := tlog.HashFromTile(tile, data, tlog.StoredHashIndex(level*tileHeight+tileHeight-1, 2*n+1))
			if err1 != nil || err2 != nil {
				return checked, fmt.Errorf("hashing %s: %v %v", mustPath(tile), err1, err2)
			}
			parent := tlog.Tile{H: tileHeight, L: level + 1, N: n >> tileHeight, W: 1 << tileHeight}
			if rest := parentCount - parent.N<<tileHeight; rest < int64(parent.W) {
				parent.W = int(rest)
			}
			parentData, err := reader.read(parent)
			if err != nil {
				return checked, err
			}
			want, err := tlog.HashFromTile(parent, parentData, tlog.StoredHashIndex((level+1)*tileHeight, n))
			if err != nil {
				return checked, fmt.Errorf("reading %s: %v", mustPath(parent), err)
			}
			if tlog.NodeHash(left, right) != want {
				return checked, fmt.Errorf("%s does not hash to the hash %s holds for it", mustPath(tile), mustPath(parent))
			}
			checked++
		}
	}
	return checked, nil
}

// mustPath is a tile's C2SP path for messages.
func mustPath(t tlog.Tile) string {
	path, err := veedorPath(t)
	if err != nil {
		return t.Path()
	}
	return path
}

// checkTiles recomputes a tiled log's root with tlog.TileHashReader and tlog.TreeHash, checks every
// entry against its level-0 hash, and proves a few records and an older tree.
func checkTiles(dir string) error {
	msg, err := os.ReadFile(filepath.Join(dir, "checkpoint"))
	if err != nil {
		return err
	}
	n, err := parseUnverified(msg)
	if err != nil {
		return err
	}
	body, err := parseCheckpoint(n.Text)
	if err != nil {
		return err
	}
	files, err := checkPathNames(dir)
	if err != nil {
		return err
	}
	if body.size == 0 {
		fmt.Println("tiles ok: empty log")
		return nil
	}
	reader := &dirTiles{dir: dir, cache: map[string][]byte{}}
	hr := tlog.TileHashReader(tlog.Tree{N: body.size, Hash: body.root}, reader)
	th, err := tlog.TreeHash(body.size, hr)
	if err != nil {
		return fmt.Errorf("tree hash: %v", err)
	}
	if th != body.root {
		return fmt.Errorf("tree hash %s is not the checkpoint root %s", th, body.root)
	}
	// Every full tile against the hash its parent tile holds for it. TileHashReader is meant to do
	// this too, but its loop starts at len(stx) (the tree-hash indexes) rather than at the number of
	// distinct tiles they fall in, so when several of them share a tile (70,000 entries: 6 indexes in
	// 3 tiles) the first tiles read for other hashes are returned unauthenticated.
	full, err := checkFullTiles(reader, body.size)
	if err != nil {
		return err
	}
	// Every entry bundle: its entries' record hashes are the level-0 hashes the tiles hold.
	for start := int64(0); start < body.size; start += 1 << tileHeight {
		width := body.size - start
		if width > 1<<tileHeight {
			width = 1 << tileHeight
		}
		path, err := veedorPath(tlog.Tile{H: tileHeight, L: -1, N: start >> tileHeight, W: int(width)})
		if err != nil {
			return err
		}
		data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(path)))
		if err != nil {
			return fmt.Errorf("reading %s: %v", path, err)
		}
		entries, err := splitBundle(path, data)
		if err != nil {
			return err
		}
		if int64(len(entries)) != width {
			return fmt.Errorf("%s holds %d entries, not %d", path, len(entries), width)
		}
		indexes := make([]int64, width)
		for j := range indexes {
			indexes[j] = tlog.StoredHashIndex(0, start+int64(j))
		}
		hashes, err := hr.ReadHashes(indexes)
		if err != nil {
			return fmt.Errorf("level-0 hashes of %s: %v", path, err)
		}
		for j, entry := range entries {
			if tlog.RecordHash(entry) != hashes[j] {
				return fmt.Errorf("entry %d in %s does not match its level-0 hash", start+int64(j), path)
			}
		}
	}
	// Inclusion proofs for a few records.
	proved := 0
	for _, i := range []int64{0, 1, 255, 256, 257, body.size / 2, body.size - 2, body.size - 1} {
		if i < 0 || i >= body.size {
			continue
		}
		leaf, err := hr.ReadHashes([]int64{tlog.StoredHashIndex(0, i)})
		if err != nil {
			return fmt.Errorf("hash of record %d: %v", i, err)
		}
		proof, err := tlog.ProveRecord(body.size, i, hr)
		if err != nil {
			return fmt.Errorf("ProveRecord(%d): %v", i, err)
		}
		if err := tlog.CheckRecord(proof, body.size, body.root, i, leaf[0]); err != nil {
			return fmt.Errorf("CheckRecord(%d): %v", i, err)
		}
		proved++
	}
	// A consistency proof from an older tree.
	if old := body.size / 3; old > 0 {
		oldHash, err := tlog.TreeHash(old, hr)
		if err != nil {
			return fmt.Errorf("tree hash of %d: %v", old, err)
		}
		proof, err := tlog.ProveTree(body.size, old, hr)
		if err != nil {
			return fmt.Errorf("ProveTree(%d): %v", old, err)
		}
		if err := tlog.CheckTree(proof, body.size, body.root, old, oldHash); err != nil {
			return fmt.Errorf("CheckTree(%d): %v", old, err)
		}
	}
	fmt.Printf("tiles ok: %d entries, %d files named as Go names tiles, %d tiles read, %d full tiles match their parents, %d records proved, root %s\n",
		body.size, files, len(reader.cache), full, proved, body.root)
	return nil
}

// checkProof verifies a C2SP tlog-proof file: its checkpoint with note.Open, then the entry's
// inclusion with tlog.CheckRecord.
func checkProof(vkeyFile, proofFile, entryFile string) error {
	vkey, err := readVKey(vkeyFile)
	if err != nil {
		return err
	}
	data, err := os.ReadFile(proofFile)
	if err != nil {
		return err
	}
	entry, err := os.ReadFile(entryFile)
	if err != nil {
		return err
	}
	text := string(data)
	line := func() (string, error) {
		i := strings.IndexByte(text, '\n')
		if i < 0 {
			return "", errors.New("the proof file ends before its checkpoint")
		}
		l := text[:i]
		text = text[i+1:]
		return l, nil
	}
	header, err := line()
	if err != nil {
		return err
	}
	if header != "c2sp.org/tlog-proof@v1" {
		return fmt.Errorf("first line %q is not c2sp.org/tlog-proof@v1", header)
	}
	l, err := line()
	if err != nil {
		return err
	}
	if strings.HasPrefix(l, "extra ") {
		if _, err := base64.StdEncoding.DecodeString(strings.TrimPrefix(l, "extra ")); err != nil {
			return errors.New("the extra line is not base64")
		}
		if l, err = line(); err != nil {
			return err
		}
	}
	if !strings.HasPrefix(l, "index ") {
		return fmt.Errorf("expected 'index N', found %q", l)
	}
	index, err := strconv.ParseInt(strings.TrimPrefix(l, "index "), 10, 64)
	if err != nil || index < 0 || "index "+strconv.FormatInt(index, 10) != l {
		return fmt.Errorf("bad index line %q", l)
	}
	var proof tlog.RecordProof
	for {
		if l, err = line(); err != nil {
			return err
		}
		if l == "" {
			break
		}
		h, err := tlog.ParseHash(l)
		if err != nil {
			return fmt.Errorf("proof line %q is not a base64 hash", l)
		}
		proof = append(proof, h)
	}
	body, err := openNote(vkey, []byte(text))
	if err != nil {
		return err
	}
	if index >= body.size {
		return fmt.Errorf("index %d is outside the checkpoint's %d entries", index, body.size)
	}
	if err := tlog.CheckRecord(proof, body.size, body.root, index, tlog.RecordHash(entry)); err != nil {
		return fmt.Errorf("CheckRecord: %v", err)
	}
	fmt.Printf("proof ok: entry %d of %d in %s\n", index, body.size, body.origin)
	return nil
}
