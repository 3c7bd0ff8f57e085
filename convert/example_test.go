package convert_test

import (
	"fmt"
	"time"

	"github.com/wpexit/wpexit/convert"
	"github.com/wpexit/wpexit/wxr"
)

// Two passes over a site: the first teaches the Site and the Planner every
// item, the second plans and converts each one in input order.
func Example() {
	date := time.Date(2012, 2, 14, 13, 40, 24, 0, time.UTC)
	items := []*wxr.Item{
		{ID: 2, Type: "page", Status: "publish", Name: "team", Parent: 1, Title: "Team",
			Link: "https://example.com/about/team/", DateGMT: date},
		{ID: 1, Type: "page", Status: "publish", Name: "about", Title: "About",
			Link: "https://example.com/about/", DateGMT: date},
		{ID: 3, Type: "post", Status: "private", Name: "secret", Title: "Secret"},
		{ID: 4, Type: "attachment", Status: "inherit", Name: "photo",
			AttachmentURL: "https://example.com/wp-content/uploads/photo.jpg"},
	}
	site, planner := convert.NewSite(), convert.NewPlanner(convert.Options{})
	for _, it := range items {
		site.Add(it)
		planner.Learn(it)
	}
	conv := convert.New(site, convert.Options{})
	for _, it := range items {
		plan := planner.Plan(it)
		if plan.Skip != "" {
			fmt.Printf("%d skipped: %s\n", it.ID, plan.Skip)
			continue
		}
		page, err := conv.Convert(it, plan)
		if err != nil {
			fmt.Println(err)
			continue
		}
		b, _ := page.Bytes()
		fmt.Printf("%d → %s\n%s", it.ID, page.Path, b)
	}
	// Output:
	// 2 → pages/about/team.md
	// ---
	// comments: false
	// date: 2012-02-14T13:40:24Z
	// slug: team
	// title: Team
	// url: /about/team/
	// wordpress_id: 2
	// ---
	// 1 → pages/about.md
	// ---
	// comments: false
	// date: 2012-02-14T13:40:24Z
	// slug: about
	// title: About
	// url: /about/
	// wordpress_id: 1
	// ---
	// 3 skipped: private
	// 4 skipped: not a page: attachment
}
