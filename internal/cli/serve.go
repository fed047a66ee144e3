package cli

import (
	"context"
	"fmt"

	"github.com/verbatim-news/verbatim/serve"
)

const serveUsage = `Usage: verbatim serve [flags]

Builds the site into a private folder, serves it on 127.0.0.1 (only to
this machine) and, when an article, a template or a site file changes,
rebuilds it and reloads the open pages. Links, feeds and the sitemap use
the server's own address. Stop it with Ctrl+C.

Flags:
  --port N            port to serve on, on 127.0.0.1; 0 picks a free one
                      (default 1313)
                        verbatim serve --port 8080
` + siteFlagsHelp + `
Example:
  verbatim serve --port 8080 --no-cache
`

func runServe(ctx context.Context, args []string, stdio Stdio) error {
	fs := newFlagSet("serve", fmt.Sprintf(serveUsage, "serve"), stdio)
	var b buildFlags
	b.register(fs, false)
	port := fs.Int("port", 1313, "port to serve on, on 127.0.0.1 (0 picks a free one)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stdio.Err, "verbatim serve: unexpected argument %q\n", fs.Arg(0))
		fs.Usage()
		return errUsage
	}
	if *port < 0 || *port > 65535 {
		fmt.Fprintf(stdio.Err, "verbatim serve: --port must be between 0 and 65535, not %d\n", *port)
		return errUsage
	}
	if err := checkContent(fs, b.content); err != nil {
		return err
	}
	return serve.Run(ctx, serve.Options{Build: b.options(stdio), Port: *port, Log: stdio.Err})
}
