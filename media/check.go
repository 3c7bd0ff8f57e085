package media

import (
	"fmt"
	"mime"
	"net/http"
	"path"
	"strings"
)

// expected is the media type family a file's extension promises: "image",
// "audio", "video", a full type ("application/pdf"), or "" for anything.
func expected(name string) string {
	ext := strings.ToLower(path.Ext(name))
	switch ext {
	case ".jpg", ".jpeg", ".jpe", ".png", ".gif", ".webp", ".avif", ".bmp", ".ico", ".tif", ".tiff", ".heic", ".svg":
		return "image"
	case ".mp3", ".m4a", ".ogg", ".oga", ".wav", ".flac", ".aac", ".wma":
		return "audio"
	case ".mp4", ".m4v", ".mov", ".webm", ".ogv", ".avi", ".wmv", ".flv", ".3gp", ".mkv":
		return "video"
	case ".pdf":
		return "application/pdf"
	case ".htm", ".html":
		return "text/html"
	}
	return ""
}

// checkType reports whether a response whose Content-Type header is header
// and whose body starts with head can be the file name: an HTML page served
// for an image (a login wall, an error page with status 200) is not.
func checkType(name, header string, head []byte) error {
	want := expected(name)
	if want == "text/html" {
		return nil
	}
	got, _, _ := mime.ParseMediaType(header)
	sniffed, _, _ := mime.ParseMediaType(http.DetectContentType(head))
	if got == "text/html" || sniffed == "text/html" {
		return fmt.Errorf("got an HTML page (%s), not %s", orUnknown(header), orAny(want))
	}
	if want == "" || got == "" || got == "application/octet-stream" || got == "binary/octet-stream" {
		return nil
	}
	if !strings.HasPrefix(got, want) && !(want == "image" && got == "application/svg+xml") {
		return fmt.Errorf("got %s, not %s", got, want)
	}
	return nil
}

func orUnknown(s string) string {
	if s == "" {
		return "no content type"
	}
	return s
}

func orAny(s string) string {
	if s == "" {
		return "a file"
	}
	return "a file of type " + s
}
