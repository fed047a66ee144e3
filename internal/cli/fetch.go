package cli

import (
	"context"
	"errors"
)

func runFetch(ctx context.Context, args []string, stdio Stdio) error {
	return errors.New("not implemented yet")
}
