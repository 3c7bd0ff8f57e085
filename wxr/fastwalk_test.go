package wxr

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"
)

// readAll reads every item, error and warning of src, on the fast path or
// not.
func readAll(src []byte, noFast bool) []any {
	var out []any
	r, err := NewReader(bytes.NewReader(src), Options{Name: "x", OnWarning: func(w Warning) { out = append(out, w) }})
	if err != nil {
		return append(out, err.Error())
	}
	r.noFast = noFast
	for {
		it, err := r.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			out = append(out, err.Error())
			continue
		}
		out = append(out, it)
	}
	return append(out, r.Channel())
}

// TestFastPathSame checks that the fast path reads every fixture, fuzz
// seed and corpus export exactly as encoding/xml does: same items,
// warnings and errors.
func TestFastPathSame(t *testing.T) {
	var files []string
	for _, pat := range []string{"testdata/*.xml", "testdata/fuzz/*/*"} {
		m, _ := filepath.Glob(pat)
		files = append(files, m...)
	}
	if dir := corpusDir(t); dir != "" {
		filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
			if err == nil && !d.IsDir() && strings.HasSuffix(p, ".xml") {
				files = append(files, p)
			}
			return nil
		})
	}
	if len(files) < 5 {
		t.Fatalf("only %d inputs", len(files))
	}
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(f, "fuzz") {
			src = fuzzSeed(src)
		}
		fast, slow := readAll(src, false), readAll(src, true)
		if !reflect.DeepEqual(fast, slow) {
			t.Errorf("%s: the fast path reads it differently", f)
		}
	}
}

// fuzzSeed extracts the []byte of a "go test fuzz v1" file.
func fuzzSeed(b []byte) []byte {
	s := string(b)
	i := strings.Index(s, "[]byte(")
	if i < 0 {
		return b
	}
	s = strings.TrimSpace(s[i+len("[]byte("):])
	s = strings.TrimSuffix(s, ")")
	if u, err := strconv.Unquote(s); err == nil {
		return []byte(u)
	}
	return b
}

// corpusDir finds ../shared/wxr next to the repository root, as the
// corpus test does: "" when absent, a failure when CI=true.
func corpusDir(t *testing.T) string {
	dir, err := filepath.Abs(".")
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		if filepath.Dir(dir) == dir {
			t.Fatal("no go.mod above the package directory")
		}
		dir = filepath.Dir(dir)
	}
	corpus := filepath.Join(dir, "..", "shared", "wxr")
	if _, err := os.Stat(filepath.Join(corpus, "INDEX.md")); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("shared corpus missing at %s (CI=true)", corpus)
		}
		return ""
	}
	return corpus
}

// validCharsRef is validChars rune by rune.
func validCharsRef(b []byte) bool {
	for len(b) > 0 {
		r, n := utf8.DecodeRune(b)
		if r == utf8.RuneError && n == 1 {
			return false
		}
		if !(r == 9 || r == 10 || r == 13 || inCharacterRange(r)) {
			return false
		}
		b = b[n:]
	}
	return true
}

// TestValidChars compares validChars with a rune-by-rune check.
func TestValidChars(t *testing.T) {
	long := strings.Repeat("abcdefgh", 3)
	for _, s := range []string{
		"", "a", long, long + "\x01", "\x1f" + long, long[:5] + "\x00" + long,
		"tab\tlf\ncr\r" + long, "\uFFFD" + long, "x\uFFFE", long + "\uFFFF", "\xEF\xBF", "a\xEF\xBF\xBD\xEF\xBF\xBE",
		"\xED\xA0\x80", "caf\xe9", long + "\x7f\x80", "\U0010FFFF", "日本語" + long + "\x0b",
		long + "\x1f", long[:7] + "\x00", "abcdefg\xEF\xBF\xBE", " \x7f\x7f\x7f\x7f\x7f\x7f\x7f", "        \x20\x19",
		"\xF4\x90\x80\x80", "\xC0\x80", long + "é" + long + "\xEF\xBF\xBF" + long,
	} {
		if got, want := validChars([]byte(s)), validCharsRef([]byte(s)); got != want {
			t.Errorf("validChars(%q) = %v, want %v", s, got, want)
		}
	}
}

// FuzzValidChars compares validChars with the rune-by-rune check.
func FuzzValidChars(f *testing.F) {
	for _, s := range []string{"", "abcdefgh\x01", "日本語abcdefgh", "abcdefg\xEF\xBF\xBE", "\xED\xA0\x80abcdefgh"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		if got, want := validChars(b), validCharsRef(b); got != want {
			t.Errorf("validChars(%q) = %v, want %v", b, got, want)
		}
	})
}

// TestPlainValues checks that the byte readers of numbers and dates agree
// with the string path wherever they answer.
func TestPlainValues(t *testing.T) {
	for _, s := range []string{"", " 42 ", "-7", "+3", "+", "-", "0012", "123456789012345678", "1234567890123456789", "12a", "٣", "\u00a05"} {
		n, ok := plainInt([]byte(s))
		want, err := parseInt(scalar(s))
		if ok && (err != nil || n != want) {
			t.Errorf("plainInt(%q) = %d, want %d (%v)", s, n, want, err)
		}
	}
	answered := 0
	for _, s := range []string{
		"2012-02-14 13:40:24", " 2012-02-14 13:40:24\n", "0000-00-00 00:00:00", "0000-01-01 00:00:00",
		"2012-02-29 00:00:00", "2013-02-28 23:59:59", "2013-13-01 00:00:00", "2013-01-01 24:00:00",
		"2013-01-01 00:60:00", "2013-01-01 00:00:60", "2013-01-00 00:00:00", "2013-1-01 00:00:00", "2013-01-01T00:00:00",
	} {
		d, ok := plainDate([]byte(s))
		if !ok {
			continue
		}
		answered++
		want, err := parseDate(scalar(s))
		if err != nil || !reflect.DeepEqual(d, want) {
			t.Errorf("plainDate(%q) = %v, want %v (%v)", s, d, want, err)
		}
	}
	if answered < 4 {
		t.Errorf("plainDate answered only %d dates", answered)
	}
}

// FuzzFastPath checks that the fast path and encoding/xml read any input
// the same way.
func FuzzFastPath(f *testing.F) {
	seeds, _ := filepath.Glob("testdata/*.xml")
	for _, p := range seeds {
		if b, err := os.ReadFile(p); err == nil && len(b) < 4<<10 {
			f.Add(b)
		}
	}
	f.Add([]byte(`<rss xmlns:wp="http://wordpress.org/export/1.2/"><channel><wp:wxr_version>1.2</wp:wxr_version>` +
		`<item><title>a &amp; b&#x41;&#66;</title><wp:post_id> 7 </wp:post_id><wp:post_date>2012-02-14 13:40:24</wp:post_date>` +
		"<category domain='post_tag' nicename=\"x\r\ny\"><![CDATA[T\r]]></category><!-- c --><wp:status>publish</wp:status></item></channel></rss>"))
	f.Add([]byte(`<rss xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><item><content:encoded><![CDATA[a <![CDATA[b]]> c]]>` +
		`</content:encoded><title x="]]>">]]&gt; ]]></title><!-- ]]> --></item></channel></rss>`))
	f.Fuzz(func(t *testing.T, src []byte) {
		fast, slow := readAll(src, false), readAll(src, true)
		if !reflect.DeepEqual(fast, slow) {
			t.Errorf("the fast path reads %q differently:\nfast %#v\nslow %#v", src, fast, slow)
		}
	})
}
