package main

import (
	"context"
	"errors"
	"io"
	"log/slog"

	"summitbot/config"
)

func serve(ctx context.Context, cfg config.Config, log *slog.Logger, stdout io.Writer) error {
	return errors.New("serve: not wired yet")
}

func moderate(ctx context.Context, cfg config.Config, log *slog.Logger, cmd string, c cli, stdout io.Writer) error {
	return errors.New(cmd + ": not wired yet")
}
