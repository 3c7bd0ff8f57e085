package main

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
)

func TestReport(t *testing.T) {
	var lines bytes.Buffer
	r := newReport(&lines, false)
	recs := []record{
		{ID: 1, Outcome: outcomeWritten, Path: "content/posts/a.md", Notes: []noteRecord{{"unknown-shortcode", "gist"}, {"missing-link", "https://old.example/gone/"}}},
		{ID: 2, Outcome: outcomeWritten, Path: "content/posts/b.md", Notes: []noteRecord{{"unknown-shortcode", "gist"}}, Warnings: []string{"x.xml:9: item 2: escaped 1 bare \"&\""}},
		{ID: 3, Outcome: outcomeSkipped, Reason: "not a page: attachment"},
		{ID: 4, Outcome: outcomeSkipped, Reason: "not a page: attachment"},
		{ID: 5, Outcome: outcomeSkipped, Reason: "private"},
		{ID: 6, Outcome: outcomeFailed, Error: "x.xml:40: item 6: truncated"},
	}
	for _, rec := range recs {
		r.add(rec)
	}
	var sum bytes.Buffer
	r.summary(&sum, "site")
	for _, want := range []string{
		"wpexit: 6 items in = 2 written + 3 skipped + 1 failed\n",
		"        2 not a page: attachment\n        1 private\n",
		"unknown shortcodes, kept as written: 1\n    gist in content/posts/a.md, content/posts/b.md\n",
		"    https://old.example/gone/ in content/posts/a.md\n",
		"warnings: 1 repairs",
		"failed: 1",
	} {
		if !strings.Contains(sum.String(), want) {
			t.Errorf("summary lacks %q:\n%s", want, sum.String())
		}
	}
	got := strings.Split(strings.TrimSpace(lines.String()), "\n")
	if len(got) != len(recs) {
		t.Fatalf("report has %d lines, want %d", len(got), len(recs))
	}
	var back record
	if err := json.Unmarshal([]byte(got[5]), &back); err != nil || back.ID != 6 || back.Outcome != outcomeFailed || back.Error == "" {
		t.Errorf("line 6 = %s (%v), want item 6 failed with its error", got[5], err)
	}
}

func TestReportDryRun(t *testing.T) {
	r := newReport(nil, true)
	r.add(record{ID: 1, Outcome: outcomeWouldWrite})
	var sum bytes.Buffer
	r.summary(&sum, "site")
	if !strings.Contains(sum.String(), "1 items in = 1 would be written + 0 skipped + 0 failed") || !strings.Contains(sum.String(), "dry run: nothing was written") {
		t.Errorf("dry-run summary:\n%s", sum.String())
	}
}
