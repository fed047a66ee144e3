package render

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	cdppage "github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// findChromium returns Debian's Chromium (or another Chrome) or skips; under
// CI a missing browser is a failure, since .ci/run installs it.
func findChromium(t *testing.T) string {
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("CI") == "true" {
		t.Fatal("chromium not found: .ci/run must install it (apt-get install chromium)")
	}
	t.Skip("chromium not found")
	return ""
}

// TestBrowser opens the sample site in headless Chromium, served under a
// sub-path, and checks what a reader sees, that search works, and that the
// hostile article runs no script. Run with -artifacts to keep screenshots.
func TestBrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test skipped in -short mode")
	}
	chrome := findChromium(t)
	out := filepath.Join(t.TempDir(), "public")
	buildSample(t, out, nil) // base URL https://quotes.example.org/sample/
	mux := http.NewServeMux()
	mux.Handle("/sample/", http.StripPrefix("/sample/", http.FileServer(http.Dir(out))))
	srv := httptest.NewServer(mux)
	defer srv.Close()
	site := srv.URL + "/sample/"

	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chrome), chromedp.NoSandbox, chromedp.WindowSize(1000, 1400),
		chromedp.Flag("disable-dev-shm-usage", true))
	actx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancel()
	ctx, cancel := chromedp.NewContext(actx)
	defer cancel()
	ctx, cancel = context.WithTimeout(ctx, 90*time.Second)
	defer cancel()

	// A dialog blocks the page and the action that opened it, so a second
	// goroutine counts and dismisses them.
	var dialogs atomic.Int32
	opening := chromedp.Events(ctx, cdppage.JavascriptDialogOpening)
	go func() {
		for _, err := range opening {
			if err != nil {
				return
			}
			dialogs.Add(1)
			_, _ = chromedp.Call(ctx, cdppage.HandleJavaScriptDialog, cdppage.HandleJavaScriptDialogParams{Accept: false})
		}
	}()
	shot := func(name string) chromedp.Action[chromedp.Void] {
		return chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
			buf, err := chromedp.FullScreenshot(100)(ctx, tg)
			if err != nil {
				return err
			}
			path := filepath.Join(t.ArtifactDir(), name)
			if err := os.WriteFile(path, buf, 0o644); err != nil {
				return err
			}
			t.Logf("screenshot: %s", path)
			return nil
		})
	}

	// A speaker page: her five quotes, newest first.
	var quotes []string
	require.NoError(t, chromedp.Do(ctx,
		chromedp.Navigate(site+"speakers/helene-marchetti-roux/"),
		chromedp.WaitVisible("main h1"),
		into(&quotes, chromedp.Evaluate[[]string](`[...document.querySelectorAll("figure.quote blockquote")].map(e => e.textContent)`)),
		shot("speaker.png"),
	))
	require.Len(t, quotes, 5)
	assert.Contains(t, quotes[0], "Nous avons les données")

	// A permalink page with its JSON-LD.
	var text, ld string
	require.NoError(t, chromedp.Do(ctx,
		chromedp.Navigate(site+"speakers/claire-delaunay-ibarra/"),
		chromedp.Click(`figure.quote a[href*="/quotes/"]`, chromedp.NodeVisible),
		chromedp.WaitVisible(`main h1`),
		into(&text, chromedp.Text(`figure.quote blockquote`)),
		into(&ld, chromedp.Evaluate[string](`JSON.parse(document.querySelector('script[type="application/ld+json"]').textContent)["@type"]`)),
		shot("quote.png"),
	))
	assert.Contains(t, text, "je suis venue vous apporter des moyens")
	assert.Equal(t, "Quotation", ld)

	// The verified mark a reader sees, and the corrections page it comes
	// from, newest first.
	var mark string
	var fixes []string
	require.NoError(t, chromedp.Do(ctx,
		into(&mark, chromedp.Text(`figure.quote .verified`, chromedp.NodeVisible)),
		chromedp.Navigate(site+"corrections/"),
		chromedp.WaitVisible("ol.corrections"),
		into(&fixes, chromedp.Evaluate[[]string](`[...document.querySelectorAll("ol.corrections > li strong")].map(e => e.textContent)`)),
		shot("corrections.png"),
	))
	assert.Equal(t, "✓ Vérifiée par Camille Ferrand le 3 avril 2024", mark)
	assert.Equal(t, []string{"Auteur corrigé", "Citation vérifiée", "Citation retirée", "Citation vérifiée"}, fixes)

	// Search by words, then by speaker.
	var results []string
	var count string
	require.NoError(t, chromedp.Do(ctx,
		chromedp.Navigate(site+"search/"),
		chromedp.WaitVisible("#q"),
		chromedp.SendKeys("#q", "fondations"),
		chromedp.WaitVisible("#results li"),
		into(&results, chromedp.Evaluate[[]string](`[...document.querySelectorAll("#results li")].map(e => e.textContent)`)),
		into(&count, chromedp.Text("#count")),
		shot("search.png"),
	))
	require.Len(t, results, 1)
	assert.Equal(t, "1 citation", count, "one, not ones")
	assert.Contains(t, results[0], "12 mars 2024", "the date as every page writes it")
	assert.Contains(t, results[0], "On repeint les façades")
	assert.Contains(t, results[0], "Bastien Keraudren")
	require.NoError(t, chromedp.Do(ctx,
		chromedp.Navigate(site+"search/?s=jerome-lefevre-daucourt"),
		chromedp.WaitVisible("#results li"),
		into(&results, chromedp.Evaluate[[]string](`[...document.querySelectorAll("#results li")].map(e => e.textContent)`)),
	))
	assert.Len(t, results, 4, "both spellings, one speaker")

	// The hostile sample: nothing it carries may run or become an element.
	for _, p := range []string{
		"articles/etc-hostile/",
		"speakers/mallory-img-src-x-onerror-alert-2-example/",
		"speakers/eve-example-script-alert-8-script/",
		"", "articles/", "speakers/", "corrections/",
		"search/?q=alert",
	} {
		var injected int
		var title string
		require.NoError(t, chromedp.Do(ctx,
			chromedp.Navigate(site+p),
			chromedp.WaitVisible("main h1"),
			chromedp.Sleep(200*time.Millisecond), // let onerror handlers fire if any exist
			into(&injected, chromedp.Evaluate[int](`document.querySelectorAll('img, iframe, b[onmouseover], [onerror], [onmouseover], a[href^="javascript:"], script:not([src]):not([type="application/ld+json"])').length`)),
			into(&title, chromedp.Title()),
		), p)
		assert.Zero(t, injected, "injected elements on %q", p)
		if p == "articles/etc-hostile/" {
			assert.True(t, strings.HasPrefix(title, "<script>alert(1)</script>"), "the title shows as text: %q", title)
			require.NoError(t, chromedp.Do(ctx, shot("hostile.png")))
		}
	}
	assert.Zero(t, dialogs.Load(), "a script of the hostile sample ran")
}

// into runs an action that returns a value and stores the value in dst, so
// that steps reading the page can sit in one chromedp.Do with the others.
func into[T any](dst *T, a chromedp.Action[T]) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		v, err := a(ctx, tg)
		if err != nil {
			return err
		}
		*dst = v
		return nil
	})
}
