package main_test

import (
	"errors"
	"fmt"
	"html"
	"io"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/wpexit/wpexit/internal/testenv"

	"go.yaml.in/yaml/v3"
	xhtml "golang.org/x/net/html"

	"github.com/wpexit/wpexit/wxr"
)

// personalField matches the export's e-mail and IP fields, read straight
// from the XML (not through the reader under test).
var personalField = regexp.MustCompile(`(?s)<wp:(comment_author_email|comment_author_IP|author_email)>\s*(?:<!\[CDATA\[)?(.*?)(?:\]\]>)?\s*</wp:(?:comment_author_email|comment_author_IP|author_email)>`)

// personalData lists every e-mail and IP address the export holds in its
// e-mail and IP fields, lower-cased, except those the export's own
// published text already shows (an author's mailto link in a post, an
// address quoted in an approved comment, 127.0.0.1 in a tutorial): those
// were public on the old site, and keeping a post's text is the point.
func personalData(t *testing.T, export string) (secrets []string, public int) {
	t.Helper()
	b, err := os.ReadFile(export)
	if err != nil {
		t.Fatal(err)
	}
	shown := publishedText(export)
	seen := map[string]bool{}
	for _, m := range personalField.FindAllSubmatch(b, -1) {
		v := strings.ToLower(strings.TrimSpace(html.UnescapeString(string(m[2]))))
		if seen[v] || !isEmailOrIP(v) {
			continue
		}
		seen[v] = true
		if strings.Contains(shown, v) {
			public++
			continue
		}
		secrets = append(secrets, v)
	}
	return secrets, public
}

// isEmailOrIP reports whether v is an e-mail or IP address (exports hold
// "none", "unknown" and the like in those fields too).
func isEmailOrIP(v string) bool {
	if net.ParseIP(v) != nil {
		return true
	}
	at := strings.IndexByte(v, '@')
	return at > 0 && strings.Contains(v[at:], ".")
}

// publishedText is the lower-cased text the old site showed: titles,
// content and excerpts of published items without a password, and the
// content of approved comments.
func publishedText(export string) string {
	f, err := os.Open(export)
	if err != nil {
		return ""
	}
	defer f.Close()
	r, err := wxr.NewReader(f, wxr.Options{Name: export})
	if err != nil {
		return ""
	}
	var b strings.Builder
	for errs := 0; errs < 10000; {
		it, err := r.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			errs++
			continue
		}
		if it.Status == "publish" && it.Password == "" {
			b.WriteString(it.Title + "\n" + it.Content + "\n" + it.Excerpt + "\n")
			for _, cm := range it.Comments {
				if cm.Approved == "1" {
					b.WriteString(cm.Content + "\n")
				}
			}
		}
	}
	return strings.ToLower(html.UnescapeString(b.String()))
}

// leakMark replaces a secret found by the one-pass scan.
const leakMark = "\x00leak\x00"

// scanTree fails for every file under root holding any of the secrets.
// One strings.Replacer pass per file finds whether a file holds any; only
// then is each secret looked up, to name it.
func scanTree(t *testing.T, root string, secrets []string) (files int) {
	t.Helper()
	if len(secrets) == 0 {
		return 0
	}
	pairs := make([]string, 0, 2*len(secrets))
	for _, s := range secrets {
		pairs = append(pairs, s, leakMark)
	}
	find := strings.NewReplacer(pairs...)
	err := filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		files++
		text := strings.ToLower(string(b))
		if !strings.Contains(find.Replace(text), leakMark) {
			return nil
		}
		for _, s := range secrets {
			if i := strings.Index(text, s); i >= 0 {
				rel, _ := filepath.Rel(root, p)
				t.Errorf("%s holds %q: …%s…", rel, s, text[max(0, i-40):min(len(text), i+len(s)+40)])
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// TestNoPersonalDataInOutput converts every export of the shared corpus
// with every flag that writes more (--archive --archive-private
// --include-unapproved) and scans the whole output tree for each e-mail
// and IP address the export holds: none may appear.
func TestNoPersonalDataInOutput(t *testing.T) {
	if testing.Short() {
		t.Skip("-short")
	}
	files := sharedExports(t)
	bin := hugoWpexit(t)
	total, scanned, shown := 0, 0, 0
	for _, f := range files {
		secrets, public := personalData(t, f)
		shown += public
		if len(secrets) == 0 {
			continue
		}
		name := strings.TrimSuffix(filepath.Base(filepath.Dir(f))+"-"+filepath.Base(f), ".xml")
		t.Run(name, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "site")
			cmd := exec.Command(bin, "convert", f, "--out", out, "-q", "--archive", "--archive-private", "--include-unapproved")
			b, err := cmd.CombinedOutput()
			var ee *exec.ExitError
			if err != nil && !(errors.As(err, &ee) && (ee.ExitCode() == 3 || ee.ExitCode() == 1)) {
				t.Fatalf("wpexit convert: %v\n%s", err, b)
			}
			if _, err := os.Stat(out); err != nil {
				t.Logf("no output (%s)", b)
				return
			}
			total += len(secrets)
			scanned += scanTree(t, out, secrets)
		})
	}
	if total == 0 {
		t.Fatal("no export with e-mail or IP addresses: the test checked nothing")
	}
	t.Logf("%d e-mail and IP addresses checked against %d files (%d more the exports' published text shows)", total, scanned, shown)
}

// TestThemeUnitTestComments converts the theme unit test export, builds it
// with the pinned Hugo, and checks that each page's comments are on the
// built page, each reply inside the comment it answers, pingbacks apart,
// and that every data file holds exactly the export's approved comments of
// its post.
func TestThemeUnitTestComments(t *testing.T) {
	hugo := testenv.Hugo(t)
	export := themeUnitTestExport(t)
	bin := hugoWpexit(t)
	site := convertForHugo(t, bin, export)
	if site == "" {
		t.Fatal("the theme unit test export did not convert")
	}
	public := filepath.Join(t.TempDir(), "public")
	cmd := exec.Command(hugo, "--source", site, "--destination", public, "--quiet")
	cmd.Env = append(os.Environ(), "HUGO_CACHEDIR="+t.TempDir())
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("hugo: %v\n%s", err, b)
	}
	approved, links, replies := approvedComments(t, export)
	dataFiles, _ := filepath.Glob(filepath.Join(site, "data", "comments", "*.yaml"))
	if len(dataFiles) == 0 {
		t.Fatal("no comment data files")
	}
	nested := 0
	for _, df := range dataFiles {
		id, _ := strconv.ParseInt(strings.TrimSuffix(filepath.Base(df), ".yaml"), 10, 64)
		cs := readComments(t, df)
		if len(cs) != approved[id] {
			t.Errorf("post %d: %d comments in %s, %d approved in the export", id, len(cs), filepath.Base(df), approved[id])
		}
		delete(approved, id)
		page := builtPage(t, public, links[id])
		nested += checkThread(t, id, cs, page)
	}
	for id, n := range approved {
		if n > 0 && pageWritten(t, site, id) {
			t.Errorf("post %d: %d approved comments, no data file", id, n)
		}
	}
	if nested != replies || replies < 9 {
		t.Errorf("%d replies nested in the built pages; the export has %d approved replies to approved comments", nested, replies)
	}
}

// themeUnitTestExport is the theme unit test export of the shared corpus.
func themeUnitTestExport(t *testing.T) string {
	t.Helper()
	for _, f := range sharedExports(t) {
		if filepath.Base(f) == "themeunittestdata.wordpress.xml" {
			return f
		}
	}
	if os.Getenv("CI") == "true" {
		t.Fatal("themeunittestdata.wordpress.xml missing from the shared corpus")
	}
	t.Skip("themeunittestdata.wordpress.xml absent")
	return ""
}

// approvedComments counts each item's approved comments (comment_approved
// "1"), records its permalink, and counts the approved replies to approved
// comments.
func approvedComments(t *testing.T, export string) (counts map[int64]int, links map[int64]string, replies int) {
	t.Helper()
	f, err := os.Open(export)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r, err := wxr.NewReader(f, wxr.Options{Name: export})
	if err != nil {
		t.Fatal(err)
	}
	counts, links = map[int64]int{}, map[int64]string{}
	for {
		it, err := r.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		links[it.ID] = it.Link
		ok := map[int64]bool{}
		for _, cm := range it.Comments {
			if cm.Approved == "1" {
				counts[it.ID]++
				ok[cm.ID] = true
			}
		}
		for _, cm := range it.Comments {
			if cm.Approved == "1" && cm.Parent != 0 && ok[cm.Parent] {
				replies++
			}
		}
	}
	return counts, links, replies
}

// dataComment is what the test reads back from a data file.
type dataComment struct {
	ID     int64  `yaml:"id"`
	Parent int64  `yaml:"parent"`
	Type   string `yaml:"type"`
	Email  string `yaml:"email"`
	IP     string `yaml:"ip"`
}

func readComments(t *testing.T, file string) []dataComment {
	t.Helper()
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	var cs []dataComment
	if err := yaml.Unmarshal(b, &cs); err != nil {
		t.Fatalf("%s: %v", file, err)
	}
	return cs
}

// builtPage parses the page Hugo built for an old permalink (the pages keep
// their old paths).
func builtPage(t *testing.T, public, link string) *xhtml.Node {
	t.Helper()
	p := link
	if i := strings.Index(p, "://"); i >= 0 {
		p = p[i+3:]
		if j := strings.IndexByte(p, '/'); j >= 0 {
			p = p[j:]
		} else {
			p = "/"
		}
	}
	file := filepath.Join(public, filepath.FromSlash(p), "index.html")
	f, err := os.Open(file)
	if err != nil {
		t.Fatalf("built page for %s: %v", link, err)
	}
	defer f.Close()
	doc, err := xhtml.Parse(f)
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// checkThread checks every comment of the data file on the built page: a
// reply's element inside its parent's, a pingback in the pings list. It
// returns how many replies it found nested.
func checkThread(t *testing.T, post int64, cs []dataComment, page *xhtml.Node) int {
	t.Helper()
	byID := map[string]*xhtml.Node{}
	var walk func(n *xhtml.Node)
	walk = func(n *xhtml.Node) {
		if n.Type == xhtml.ElementNode && n.Data == "li" {
			for _, a := range n.Attr {
				if a.Key == "id" && strings.HasPrefix(a.Val, "comment-") {
					byID[a.Val] = n
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(page)
	nested := 0
	for _, c := range cs {
		if c.Email != "" || c.IP != "" {
			t.Errorf("post %d comment %d: e-mail or IP written", post, c.ID)
		}
		n := byID[fmt.Sprint("comment-", c.ID)]
		if n == nil {
			t.Errorf("post %d: comment %d not on the built page", post, c.ID)
			continue
		}
		switch {
		case c.Type == "pingback" || c.Type == "trackback":
			if !hasClass(n.Parent, "pings") {
				t.Errorf("post %d: %s %d not in the pings list", post, c.Type, c.ID)
			}
		case c.Parent == 0:
			if enclosingComment(n) != nil {
				t.Errorf("post %d: top-level comment %d is nested", post, c.ID)
			}
		default:
			parent := enclosingComment(n)
			if parent == nil || attr(parent, "id") != fmt.Sprint("comment-", c.Parent) {
				t.Errorf("post %d: comment %d is not inside comment %d", post, c.ID, c.Parent)
				continue
			}
			nested++
		}
	}
	return nested
}

// enclosingComment is the nearest ancestor comment element of n, or nil.
func enclosingComment(n *xhtml.Node) *xhtml.Node {
	for p := n.Parent; p != nil; p = p.Parent {
		if p.Type == xhtml.ElementNode && p.Data == "li" && hasClass(p, "comment") {
			return p
		}
	}
	return nil
}

func hasClass(n *xhtml.Node, class string) bool {
	return n != nil && strings.Contains(" "+attr(n, "class")+" ", " "+class+" ")
}

func attr(n *xhtml.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// pageWritten reports whether a content file with the wordpress_id exists.
func pageWritten(t *testing.T, site string, id int64) bool {
	t.Helper()
	want := fmt.Sprintf("\nwordpress_id: %d\n", id)
	found := false
	walkPages(t, site, func(_, text string) {
		if strings.Contains(text, want) {
			found = true
		}
	})
	return found
}

// TestCommentFlags runs convert on the sample export with each comment
// flag in turn, into the same folder: the data files follow the flags, and
// a file a flag no longer allows is removed, not left showing comments.
func TestCommentFlags(t *testing.T) {
	bin := hugoWpexit(t)
	sample := filepath.Join("..", "..", "testdata", "sample.xml")
	out := filepath.Join(t.TempDir(), "site")
	tests := []struct {
		flags []string
		want  map[string]int // data file -> comments in it; absent: no file
	}{
		{nil, map[string]int{"10": 1, "12": 2, "14": 1}},
		{[]string{"--include-unapproved"}, map[string]int{"10": 2, "12": 2, "14": 1}},
		{[]string{"--no-pingbacks"}, map[string]int{"10": 1, "12": 2}},
		{nil, map[string]int{"10": 1, "12": 2, "14": 1}},
	}
	for _, tt := range tests {
		args := append([]string{"convert", sample, "--out", out, "-q"}, tt.flags...)
		if b, err := exec.Command(bin, args...).CombinedOutput(); err != nil {
			t.Fatalf("wpexit %v: %v\n%s", args, err, b)
		}
		files, _ := filepath.Glob(filepath.Join(out, "data", "comments", "*.yaml"))
		got, pending := map[string]int{}, 0
		for _, f := range files {
			cs := readComments(t, f)
			got[strings.TrimSuffix(filepath.Base(f), ".yaml")] = len(cs)
			b, _ := os.ReadFile(f)
			pending += strings.Count(string(b), "approved: false")
		}
		if want := map[bool]int{true: 1}[slices.Contains(tt.flags, "--include-unapproved")]; pending != want {
			t.Errorf("%v: %d comments marked approved: false, want %d", tt.flags, pending, want)
		}
		if fmt.Sprint(got) != fmt.Sprint(tt.want) {
			t.Errorf("%v: data files %v, want %v", tt.flags, got, tt.want)
		}
	}
}
