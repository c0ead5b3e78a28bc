package control_test

import (
	"context"
	"errors"
	"fmt"
	"os"

	"summitbot/control"
)

// The command line hands `summitbot remove <id>` to a running bot, and
// opens the index itself only when no bot is listening.
func ExampleDial() {
	c, err := control.Dial(control.SocketPath(os.TempDir() + "/no-such-index"))
	switch {
	case errors.Is(err, control.ErrNoServer):
		fmt.Println("no bot running: open the index here")
		return
	case err != nil:
		fmt.Println("error:", err)
		return
	}
	defer c.Close()
	if err := c.RemoveArticle(context.Background(), "some-article"); err != nil {
		fmt.Println("error:", err)
	}
	// Output: no bot running: open the index here
}
