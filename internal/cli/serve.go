package cli

import (
	"context"
	"fmt"

	"github.com/verbatim-news/verbatim/render/serve"
)

const serveSynopsis = "[--port 1313] [--content DIR] [--config FILE] [--speakers FILE] [--corrections FILE] [--cache DIR] [--keep-going]"

func runServe(ctx context.Context, args []string, stdio Stdio) error {
	fs := newFlagSet("serve", serveSynopsis, stdio)
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
	return serve.Run(ctx, serve.Options{Build: b.options(stdio), Port: *port, Log: stdio.Err})
}
