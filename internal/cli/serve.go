package cli

import (
	"context"
	"errors"
)

func runServe(ctx context.Context, args []string, stdio Stdio) error {
	return errors.New("not implemented yet")
}
