// Package cardcache keeps the share cards a build draws (shareimage.Draw) on disk from one
// build to the next, as Hugo keeps its processed images in its resource cache: a card is
// a pure function of its text and of the program that draws it, and drawing and
// compressing one is a quarter of a province's build, while most cards are the same as
// last month's.
//
// An entry is found by a SHA-256 of the program's identity (a hash of the running
// executable, which holds the drawing code and the font) and the card's fields, each
// length-prefixed: a new chiso, or any changed field, is a new key. The file's path is
// built from that hash alone, never from the site's text. An entry is the PNG followed by
// a checksum of the key and the PNG; one that does not verify (cut short by a crash, a
// full disk, a hand) is a miss, drawn again and replaced. The cache is a help, never a
// need: a folder that cannot be read or written only means every card is drawn, with the
// same bytes.
package cardcache

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"chiso/internal/shareimage"
)

// format is the layout of a key and an entry: raise it when either changes, so that an
// old entry is never read as a new one. The drawing itself is covered by the
// executable's hash.
const format = "chiso-card-1\x00"

// Env names the folder of chiso's cache (the cards go in its cards/ folder); "off"
// turns the cache off.
const Env = "CHISO_CACHE_DIR"

// Off, as the folder, turns the cache off.
const Off = "off"

const (
	// keepFor is how long an entry not used is kept; a hit older than touchAfter has its
	// time renewed (not at every build: a national build would touch thousands of files).
	keepFor    = 30 * 24 * time.Hour
	touchAfter = 24 * time.Hour
	// pruneEvery is how often the folder is walked for old entries, noted by the time of
	// the file pruneMark.
	pruneEvery = 24 * time.Hour
	pruneMark  = "pruned"
	// tmpAfter: a temporary file this old was left by a build that stopped mid-write.
	tmpAfter = time.Hour
)

// Dir is the cache's folder: flag when given, else $CHISO_CACHE_DIR, else chiso/ in the
// user's cache folder (~/.cache on Linux); "" when the cache is off ("off") or there is no
// user cache folder.
func Dir(flag string) string {
	dir := flag
	if dir == "" {
		dir = os.Getenv(Env)
	}
	if dir == "" {
		base, err := os.UserCacheDir()
		if err != nil {
			return ""
		}
		dir = filepath.Join(base, "chiso")
	}
	if strings.EqualFold(dir, Off) {
		return ""
	}
	return dir
}

// Cache is the cards' folder of one build or preview. A nil *Cache draws every card.
type Cache struct {
	dir   string // dir/cards of Open
	id    []byte // the drawing program's identity; nil: the cache is off (no executable)
	ready chan struct{}
	done  chan struct{} // the pruning is over
	now   func() time.Time
	// noWrite: a write failed (a read-only folder, a full disk); the build goes on
	// drawing without trying again for every card.
	noWrite atomic.Bool
}

// Open is the cache in root's cards/ folder; nil when root is "". The executable is
// hashed (≈ 20 ms for 25 MB) and old entries pruned in the background while the build
// loads the site; Close waits for it.
func Open(root string) *Cache {
	if root == "" {
		return nil
	}
	return open(root, func() []byte { id, _ := executable(); return id }, time.Now)
}

func open(root string, id func() []byte, now func() time.Time) *Cache {
	c := &Cache{dir: filepath.Join(root, "cards"), ready: make(chan struct{}), done: make(chan struct{}), now: now}
	go func() {
		defer close(c.done)
		c.id = id()
		close(c.ready)
		if c.id != nil {
			c.prune()
		}
	}()
	return c
}

// Close waits for the background work of Open.
func (c *Cache) Close() {
	if c != nil {
		<-c.done
	}
}

// executable is the hash of the running program, once per process: a new build of chiso
// (other drawing code, another font) never reads the cards of an old one.
// On Linux /proc/self/exe is the program running even when its file was replaced since
// (a new chiso built over it while serve runs); elsewhere the file it was started from.
var executable = sync.OnceValues(func() ([]byte, error) {
	f, err := os.Open("/proc/self/exe")
	if err != nil {
		exe, err := os.Executable()
		if err != nil {
			return nil, err
		}
		if f, err = os.Open(exe); err != nil {
			return nil, err
		}
	}
	defer f.Close()
	h := sha256.New()
	h.Write([]byte(format))
	if _, err := io.Copy(h, f); err != nil {
		return nil, err
	}
	return h.Sum(nil), nil
})

// Draw is card's PNG: the cached one, or shareimage.Draw's, then kept.
func (c *Cache) Draw(card shareimage.Card) ([]byte, error) {
	if c == nil {
		return shareimage.Draw(card)
	}
	<-c.ready
	if c.id == nil {
		return shareimage.Draw(card)
	}
	key := c.key(card)
	file := c.path(key)
	if png := c.read(file, key); png != nil {
		return png, nil
	}
	png, err := shareimage.Draw(card)
	if err == nil && !c.noWrite.Load() {
		if c.write(file, key, png) != nil {
			c.noWrite.Store(true)
		}
	}
	return png, err
}

// key is the hash of the program's identity and every field of card, each string with its
// length before it, so that no two cards share the bytes hashed ("a"+"bc" and "ab"+"c").
// A field added to shareimage.Card must be added here (TestKeyCoversCard).
func (c *Cache) key(card shareimage.Card) [sha256.Size]byte {
	b := make([]byte, 0, 512)
	b = append(b, format...)
	b = append(b, c.id...)
	str := func(s string) {
		b = binary.BigEndian.AppendUint64(b, uint64(len(s)))
		b = append(b, s...)
	}
	str(card.Kicker)
	str(card.Title)
	str(card.Footer)
	b = binary.BigEndian.AppendUint64(b, uint64(len(card.Figures)))
	for _, f := range card.Figures {
		str(f.Value)
		str(f.Label)
		if f.Low {
			b = append(b, 1)
		} else {
			b = append(b, 0)
		}
	}
	return sha256.Sum256(b)
}

// path is key's file: dir/ab/abcd….png, 256 folders so that none holds tens of
// thousands of files. Only hex digits of the hash: nothing of the site's text.
func (c *Cache) path(key [sha256.Size]byte) string {
	name := hex.EncodeToString(key[:])
	return filepath.Join(c.dir, name[:2], name+".png")
}

// sum is what an entry ends with: it proves the PNG whole and filed under its own key.
func sum(key [sha256.Size]byte, png []byte) [sha256.Size]byte {
	h := sha256.New()
	h.Write(key[:])
	h.Write(png)
	var s [sha256.Size]byte
	h.Sum(s[:0])
	return s
}

// iend is the last chunk of every PNG: length 0, type, CRC.
var iend = []byte("\x00\x00\x00\x00IEND\xae\x42\x60\x82")

// read is the PNG of the entry in file, or nil when it is missing or does not verify.
func (c *Cache) read(file string, key [sha256.Size]byte) []byte {
	f, err := os.Open(file)
	if err != nil {
		return nil
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil || !st.Mode().IsRegular() || st.Size() > 16<<20 {
		return nil
	}
	data := make([]byte, st.Size())
	if _, err := io.ReadFull(f, data); err != nil {
		return nil
	}
	n := len(data) - sha256.Size
	if n < 8+len(iend) {
		return nil
	}
	png := data[:n:n]
	if s := sum(key, png); !bytes.Equal(s[:], data[n:]) || !bytes.HasPrefix(png, []byte("\x89PNG\r\n\x1a\n")) || !bytes.HasSuffix(png, iend) {
		return nil
	}
	if now := c.now(); now.Sub(st.ModTime()) > touchAfter {
		os.Chtimes(file, now, now) // used: kept another keepFor; no matter if it fails
	}
	return png
}

// write files png under key: into a temporary file of the same folder, renamed over the
// entry once whole, so that a reader never sees half an entry.
func (c *Cache) write(file string, key [sha256.Size]byte, png []byte) error {
	dir := filepath.Dir(file)
	f, err := os.CreateTemp(dir, "tmp-*")
	if errors.Is(err, fs.ErrNotExist) {
		if err = os.MkdirAll(dir, 0o777); err == nil {
			f, err = os.CreateTemp(dir, "tmp-*")
		}
	}
	if err != nil {
		return err
	}
	s := sum(key, png)
	_, err = f.Write(png)
	if err == nil {
		_, err = f.Write(s[:])
	}
	if e := f.Close(); err == nil {
		err = e
	}
	if err == nil {
		err = os.Rename(f.Name(), file)
	}
	if err != nil {
		os.Remove(f.Name())
	}
	return err
}

// prune removes, at most once every pruneEvery, the entries not used for keepFor and the
// temporary files of builds that stopped mid-write. It removes only files named as this
// package names them, in folders named as it names them: a cache folder set to a folder
// holding anything else loses nothing else.
func (c *Cache) prune() {
	now := c.now()
	mark := filepath.Join(c.dir, pruneMark)
	if st, err := os.Stat(mark); err == nil && now.Sub(st.ModTime()) < pruneEvery {
		return
	}
	shards, err := os.ReadDir(c.dir)
	if err != nil {
		return // no cache yet
	}
	for _, sh := range shards {
		if !sh.IsDir() || !isHex(sh.Name(), 2) {
			continue
		}
		dir := filepath.Join(c.dir, sh.Name())
		entries, err := os.ReadDir(dir)
		if err != nil {
			continue
		}
		for _, e := range entries {
			name := e.Name()
			var age time.Duration
			switch {
			case strings.HasSuffix(name, ".png") && isHex(strings.TrimSuffix(name, ".png"), 2*sha256.Size):
				age = keepFor
			case strings.HasPrefix(name, "tmp-"):
				age = tmpAfter
			default:
				continue
			}
			if info, err := e.Info(); err == nil && info.Mode().IsRegular() && now.Sub(info.ModTime()) > age {
				os.Remove(filepath.Join(dir, name))
			}
		}
	}
	if os.WriteFile(mark, nil, 0o666) == nil {
		os.Chtimes(mark, now, now)
	}
}

// isHex says whether s is n lowercase hex digits.
func isHex(s string, n int) bool {
	if len(s) != n {
		return false
	}
	for _, r := range s {
		if !('0' <= r && r <= '9' || 'a' <= r && r <= 'f') {
			return false
		}
	}
	return true
}
