package cli

import (
	"context"
	"errors"
)

func runSpeakers(ctx context.Context, args []string, stdio Stdio) error {
	return errors.New("not implemented yet")
}
