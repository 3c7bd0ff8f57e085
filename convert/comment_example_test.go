package convert_test

import (
	"fmt"
	"time"

	"github.com/wpexit/wpexit/convert"
	"github.com/wpexit/wpexit/wxr"
)

// A post's comments as its data file holds them: the approved ones only,
// threaded, with no e-mail or IP address; a link to another post of the
// site becomes that post's URL.
func ExampleConverter_Comments() {
	at := time.Date(2020, 1, 3, 10, 0, 0, 0, time.UTC)
	it := &wxr.Item{ID: 10, Type: "post", Status: "publish", Comments: []wxr.Comment{
		{ID: 1, Author: "Ann", Email: "ann@example.org", IP: "192.0.2.1", DateGMT: at,
			Content: "Great post.\n\nSee <a href=\"https://example.com/other/\">this one</a>.", Approved: "1"},
		{ID: 2, Author: "Spam", Email: "spam@example.net", DateGMT: at, Content: "Buy!", Approved: "spam"},
		{ID: 3, Author: "Bob", DateGMT: at.Add(time.Hour), Content: "Thanks, Ann.", Approved: "1", Parent: 1},
	}}
	link := func(raw string) convert.Link {
		if raw == "https://example.com/other/" {
			return convert.Link{Kind: convert.LinkPage, Dest: "posts/2020-01-01-other.md"}
		}
		return convert.Link{}
	}
	pageURL := func(contentFile string) string { return "/other/" }
	c := convert.New(nil, convert.Options{Link: link})
	comments, _ := c.Comments(it, convert.CommentOptions{PageURL: pageURL})
	data, err := convert.MarshalComments(comments)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(convert.CommentsFile(it.ID))
	fmt.Print(string(data))
	// Output:
	// data/comments/10.yaml
	// # Written by wpexit convert: the page's comments (no e-mail or IP address).
	// - id: 1
	//   parent: 0
	//   author: Ann
	//   date: "2020-01-03T10:00:00Z"
	//   type: comment
	//   content: |-
	//     Great post.
	//
	//     See [this one](/other/).
	// - id: 3
	//   parent: 1
	//   author: Bob
	//   date: "2020-01-03T11:00:00Z"
	//   type: comment
	//   content: Thanks, Ann.
}
