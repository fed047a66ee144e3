package webpage_test

import (
	"fmt"
	"strings"

	"github.com/verbatim-news/verbatim/webpage"
)

func ExampleParse() {
	page := `<html lang="en"><head>
<title>Ferry plan approved | Courier</title>
<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Ferry plan approved",
 "datePublished": "2024-05-02", "author": {"name": "Priya Raman"}, "publisher": {"name": "The Courier"}}</script>
</head><body>
<nav><a href="/">Home</a></nav>
<article><h1>Ferry plan approved</h1>
<p>The harbour board backed the plan on Tuesday.</p>
<p>&ldquo;We kept our promise,&rdquo; the chair said.</p>
<ul class="related"><li><a href="/b">"We were never asked," say residents</a></li></ul>
</article></body></html>`
	a, err := webpage.Parse(strings.NewReader(page), "https://courier.example/ferry")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(a.Title, "|", a.Date.Format("2006-01-02"), "|", a.Authors, "|", a.Outlet, "|", a.Lang, "|", a.CanonicalURL)
	fmt.Print(a.Text)
	// Output:
	// Ferry plan approved | 2024-05-02 | [Priya Raman] | The Courier | en | https://courier.example/ferry
	// The harbour board backed the plan on Tuesday.
	//
	// “We kept our promise,” the chair said.
}
