package fetch_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"time"

	"github.com/verbatim-news/verbatim/fetch"
)

func ExampleClient_Fetch() {
	// A stand-in for a news site.
	site := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, `<html lang="en"><head><title>Ferry plan approved</title>
<meta property="article:published_time" content="2024-05-02T09:30:00Z"></head>
<body><nav><a href="/">Home</a></nav><article><h1>Ferry plan approved</h1>
<p>The harbour board backed the plan on Tuesday.</p>
<p>"We kept our promise," the chair said.</p></article></body></html>`)
	}))
	defer site.Close()

	c := &fetch.Client{Timeout: 10 * time.Second}
	a, err := c.Fetch(context.Background(), site.URL+"/news/ferry")
	if err != nil {
		fmt.Println(err)
		return
	}
	dir, err := os.MkdirTemp("", "content")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer os.RemoveAll(dir)
	path, _, err := fetch.Save(dir, a, time.Date(2024, 5, 3, 8, 0, 0, 0, time.UTC), false)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(filepath.Base(path))
	fmt.Print(a.Text)
	// Output:
	// 2024-05-02-ferry-plan-approved.md
	// The harbour board backed the plan on Tuesday.
	//
	// "We kept our promise," the chair said.
}
