package rewrite

import (
	"net/url"
	"path"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/wpexit/wpexit/convert"
	"github.com/wpexit/wpexit/wxr"
	"golang.org/x/text/unicode/norm"
)

// addMedia records an attachment: its file URL, the size variants and the
// original of a "-scaled" copy (all answered by the file itself), its
// attachment page and ?attachment_id= form (redirected to the file).
func (ix *Index) addMedia(it *wxr.Item) {
	file := firstNonEmpty(it.AttachmentURL, it.GUID)
	dest := ix.mediaDest(file)
	if dest == "" {
		return
	}
	e := entryData{id: it.ID, kind: convert.LinkMedia, typ: "attachment", title: it.Title, dest: dest}
	idx := ix.newEntry(e, false)
	if slug := slugKey(it); slug != "" && it.Parent != 0 {
		if _, known := ix.slugs[slug]; !known {
			slug = strings.Clone(slug) // may be the item's own bytes
		}
		ix.slugs[slug] = append(ix.slugs[slug], attachment{idx, it.Parent})
	}
	ix.learnUploads(file, it.MetaValue("_wp_attached_file"))
	ix.putURL(file, idx, strong)
	meta := readAttachmentMeta(it.MetaValue("_wp_attachment_metadata"))
	names := append(meta.sizes, meta.original, unscaled(fileName(file)))
	if meta.file != "" {
		names = append(names, path.Base(meta.file))
	}
	for _, dir := range mediaDirs(file, it.GUID) {
		for _, n := range names {
			if n == "" || strings.Contains(n, "/") {
				continue
			}
			v := dir + n
			ix.putURL(v, idx, weak)
			if vp := ix.mediaDest(v); vp != "" && vp != dest {
				ix.addOld(idx, decodeAlias(vp), ClassMedia, ViaRedirect)
			}
		}
	}
	if it.GUID != file {
		ix.putURL(it.GUID, idx, weak)
	}
	if p := ix.pathOf(it.Link); p != "" {
		ix.putURL(it.Link, idx, strong)
		if !strings.HasPrefix(p, ix.site.base+"/?") {
			ix.addOld(idx, p, ClassMedia, ViaRedirect)
		}
	}
	ix.putQueryForms(it.ID, "attachment", idx)
}

// learnUploads records the host of an attachment file as a media host and
// the uploads folder the file is in ("/wp-uploads/" for
// ".../wp-uploads/2010/03/x.png" with _wp_attached_file "2010/03/x.png"), so
// that other files there are known to be the site's uploads.
func (ix *Index) learnUploads(file, attached string) {
	u, ok := splitURL(file)
	if !ok || u.host == "" {
		return
	}
	h := normHost(u.host)
	if _, known := ix.media[h]; !known {
		ix.media[strings.Clone(h)] = "" // h may be the item's own bytes
	}
	p := cleanPath(decodePath(u.path))
	root := p[:strings.LastIndexByte(p, '/')+1]
	if a := strings.Trim(attached, "/"); a != "" && strings.HasSuffix(p, "/"+a) {
		root = p[:len(p)-len(a)]
	} else if m := yearMonthRE.FindStringIndex(root); m != nil {
		root = root[:m[0]+1]
	}
	for _, r := range ix.roots[h] {
		if r == root {
			return
		}
	}
	ix.roots[h] = append(ix.roots[h], strings.Clone(root))
}

// yearMonthRE matches the "/2012/02/" folders of uploads.
var yearMonthRE = regexp.MustCompile(`/\d{4}/\d{2}/$`)

// inUploads reports whether a key path on a media host is in one of the
// upload folders its attachments showed.
func (ix *Index) inUploads(host, p string) bool {
	for _, r := range ix.roots[host] {
		if strings.HasPrefix(p, r) {
			return true
		}
	}
	return false
}

// mediaDirs returns the folder URLs (ending in "/") of the attachment file
// and of its guid when that is a file URL somewhere else (an old host).
func mediaDirs(file, guid string) []string {
	dirs := []string{dirURL(file)}
	if guid != file && isFileURL(guid) {
		if d := dirURL(guid); d != dirs[0] {
			dirs = append(dirs, d)
		}
	}
	return dirs
}

// fileName is the last path segment of a URL.
func fileName(u string) string {
	if i := strings.IndexAny(u, "?#"); i >= 0 {
		u = u[:i]
	}
	return u[strings.LastIndexByte(u, '/')+1:]
}

func dirURL(u string) string {
	if i := strings.IndexAny(u, "?#"); i >= 0 {
		u = u[:i]
	}
	return u[:strings.LastIndexByte(u, '/')+1]
}

func isFileURL(u string) bool {
	p, ok := splitURL(u)
	return ok && p.query == "" && isFile(p.path)
}

// mediaDest is the path a media file has in the new site: the same path as
// on the old host, except that WordPress.com's "*.files.wordpress.com/Y/m/x"
// lives under "/wp-content/uploads/Y/m/x". It is percent-encoded the way
// browsers send it. "" when raw is not a URL.
func (ix *Index) mediaDest(raw string) string {
	u, ok := splitURL(unescapeAmp(strings.TrimSpace(raw)))
	if !ok || u.path == "" || u.path == "/" {
		return ""
	}
	h := normHost(u.host)
	if ph, pp, isPhoton := photon(h, u.path); isPhoton {
		h, u.path = normHost(ph), pp
	}
	prefix := ix.media[h]
	if prefix == "" && strings.HasSuffix(h, ".files.wordpress.com") {
		prefix = "/wp-content/uploads"
	}
	p := prefix + cleanPath(u.path)
	d, err := url.PathUnescape(p)
	if err != nil || !utf8.ValidString(d) {
		return p
	}
	return (&url.URL{Path: d}).EscapedPath()
}

// variantRE matches the suffixes WordPress adds to a derived image:
// "-300x200", "-scaled", "-rotated", "-e1588888888888" (edited), before the
// extension.
var variantRE = regexp.MustCompile(`(?:-\d+x\d+|-scaled|-rotated|-e\d{10,})+(\.[A-Za-z0-9]+)$`)

// original returns the file name with the variant suffixes removed, or "".
func original(name string) string {
	if !variantRE.MatchString(name) {
		return ""
	}
	return variantRE.ReplaceAllString(name, "$1")
}

// unscaled returns the name of the original of a "-scaled" big image, or "".
func unscaled(name string) string {
	stem, ext := splitExt(name)
	if s, ok := strings.CutSuffix(stem, "-scaled"); ok {
		return s + ext
	}
	return ""
}

func splitExt(name string) (string, string) {
	ext := path.Ext(name)
	return strings.TrimSuffix(name, ext), ext
}

// attachmentMeta is what the index needs of _wp_attachment_metadata.
type attachmentMeta struct {
	file     string   // path below uploads, e.g. "2012/02/x.jpg"
	original string   // original_image: the upload a "-scaled" file was made from
	sizes    []string // file names of the size variants, in the same folder
}

// phpStringRE finds the PHP-serialized strings of a key we want and the
// string that follows it. Byte counts are not trusted: exports often break
// them by re-encoding; the value ends at the next `";`.
var phpStringRE = regexp.MustCompile(`s:\d+:"(file|original_image|sizes)";(?:s:\d+:"(.*?)";)?`)

// readAttachmentMeta leniently reads the file names out of a PHP-serialized
// attachment metadata array: the top-level "file" and "original_image",
// and the "file" of every entry under "sizes".
func readAttachmentMeta(v string) attachmentMeta {
	var m attachmentMeta
	inSizes := false
	for _, g := range phpStringRE.FindAllStringSubmatch(v, -1) {
		switch {
		case g[1] == "sizes":
			inSizes = true
		case g[1] == "original_image":
			m.original = g[2]
		case g[1] == "file" && inSizes:
			m.sizes = append(m.sizes, g[2])
		case g[1] == "file" && m.file == "":
			m.file = g[2]
		}
	}
	return m
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

func validText(s string) bool {
	return utf8.ValidString(s) && !strings.ContainsAny(s, "\x00\r\n")
}

func nfc(s string) string { return norm.NFC.String(s) }
