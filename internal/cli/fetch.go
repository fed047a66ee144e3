package cli

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/verbatim-news/verbatim/fetch"
)

const fetchUsage = `Usage: verbatim fetch [flags] URL...

Downloads news articles and stores each in the content folder as Markdown
with YAML front matter (title, date, lang, source_url, outlet, authors,
fetched, slug), in a file named <date>-<slug>.md. Only the article's main
text is kept: menus, ads, share buttons, comments and related-article lists
are left out. URLs are fetched one after the other; each result is reported
here, and the exit status is 1 if any failed (the others are still saved).
Flags may come after the URLs.

Flags:
  --content DIR   folder to write to (default "content"; created if missing)
                    verbatim fetch --content news https://example.org/a
  --force         replace a file that already exists; without it an existing
                  file is never touched and the URL is reported as failed
                    verbatim fetch --force https://example.org/a
  --timeout D     time allowed for one attempt, as 30s or 2m (default 30s);
                  a timeout or a 5xx status is retried once, after a pause
                    verbatim fetch --timeout 1m https://example.org/slow

Example:
  verbatim fetch https://example.org/news/2024/05/02/budget && verbatim build
`

// fetchEnv is what fetch needs from the outside world, so tests can give
// a client that talks to a local server, and a fixed clock.
type fetchEnv struct {
	client *fetch.Client
	now    func() time.Time
}

func runFetch(ctx context.Context, args []string, stdio Stdio) error {
	return fetchCommand(ctx, args, stdio, fetchEnv{client: &fetch.Client{}, now: time.Now})
}

func fetchCommand(ctx context.Context, args []string, stdio Stdio, env fetchEnv) error {
	fs := newFlagSet("fetch", "", stdio)
	fs.Usage = func() { fmt.Fprint(stdio.Err, fetchUsage) }
	var (
		dir     string
		force   bool
		timeout time.Duration
	)
	fs.StringVar(&dir, "content", "content", "folder to write to")
	fs.BoolVar(&force, "force", false, "replace existing files")
	fs.DurationVar(&timeout, "timeout", fetch.DefaultTimeout, "time allowed for one attempt")
	urls, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	if len(urls) == 0 {
		fmt.Fprintln(stdio.Err, "verbatim fetch: no URL given")
		fs.Usage()
		return errUsage
	}
	if timeout <= 0 {
		fmt.Fprintf(stdio.Err, "verbatim fetch: --timeout must be positive, not %s\n", timeout)
		return errUsage
	}
	client := *env.client
	client.Timeout = timeout

	failed := 0
	for _, u := range urls {
		if err := ctx.Err(); err != nil {
			return err
		}
		path, replaced, err := fetchOne(ctx, &client, u, dir, force, env.now)
		switch {
		case err != nil:
			failed++
			fmt.Fprintf(stdio.Err, "failed  %s: %v\n", u, err)
		case replaced:
			fmt.Fprintf(stdio.Err, "saved   %s -> %s (replaced the existing file, --force)\n", u, path)
		default:
			fmt.Fprintf(stdio.Err, "saved   %s -> %s\n", u, path)
		}
	}
	if failed > 0 {
		return fmt.Errorf("%d of %d URLs failed", failed, len(urls))
	}
	return nil
}

// fetchOne downloads one article and saves it. replaced tells whether an
// existing file was overwritten under --force.
func fetchOne(ctx context.Context, c *fetch.Client, u, dir string, force bool, now func() time.Time) (path string, replaced bool, err error) {
	a, err := c.Fetch(ctx, u)
	if err != nil {
		return "", false, err
	}
	if a.CanonicalURL == "" {
		a.CanonicalURL = u
	}
	path, replaced, err = fetch.Save(dir, a, now(), force)
	if errors.Is(err, fetch.ErrExists) {
		return path, false, fmt.Errorf("%w; nothing written (use --force to replace it)", err)
	}
	return path, replaced, err
}
