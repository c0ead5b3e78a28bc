// Command summitbot answers questions about the news coverage of the
// Trump–Putin summit in Alaska, on Discord (`summitbot serve`) and on the
// command line (`summitbot who-said "no deal"`).
package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, os.Args[1:], os.LookupEnv, os.Stdout, os.Stderr)
	stop()
	if err != nil {
		fmt.Fprintln(os.Stderr, "summitbot:", err)
		os.Exit(exitCode(err))
	}
}
