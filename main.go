// Command verbatim finds every direct quotation in news articles, tells who
// said it, and publishes a static site of quotes per speaker.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"

	"github.com/verbatim-news/verbatim/internal/cli"
)

// stopSignals end a command cleanly: its context is cancelled, so build,
// serve and extract remove their temporaries before exiting. SIGTERM is
// what service managers, containers and kill send; it must not leave
// temporaries behind any more than Ctrl+C does.
var stopSignals = []os.Signal{os.Interrupt, syscall.SIGTERM}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), stopSignals...)
	code := cli.Main(ctx, os.Args[1:], cli.Stdio{In: os.Stdin, Out: os.Stdout, Err: os.Stderr})
	stop()
	os.Exit(code)
}
