// Command verbatim finds every direct quotation in news articles, tells who
// said it, and publishes a static site of quotes per speaker.
package main

import (
	"context"
	"os"
	"os/signal"

	"github.com/verbatim-news/verbatim/internal/cli"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	code := cli.Main(ctx, os.Args[1:], cli.Stdio{In: os.Stdin, Out: os.Stdout, Err: os.Stderr})
	stop()
	os.Exit(code)
}
