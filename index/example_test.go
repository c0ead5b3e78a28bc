package index_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"summitbot/index"
)

// WhoSaid looks for the exact phrase in quotes first; the default article is
// written into an empty corpus folder on first open.
func ExampleEngine_WhoSaid() {
	root, _ := os.MkdirTemp("", "summitbot-example-")
	defer os.RemoveAll(root)
	ctx := context.Background()
	e, err := index.Open(ctx, index.Options{IndexDir: filepath.Join(root, "index"), CorpusDir: filepath.Join(root, "corpus")})
	if err != nil {
		fmt.Println(err)
		return
	}
	defer e.Close()

	ans, _ := e.WhoSaid(ctx, `“no deal”`, 1)
	fmt.Println(ans.Found, ans.Results[0].Speaker, "—", ans.Results[0].Terms)

	// A phrase that is in no quote is not attributed to anyone.
	ans, _ = e.WhoSaid(ctx, "peace in our time", 1)
	fmt.Println(ans.Found, ans.Note)
	// Output:
	// true Donald Trump — [no deal]
	// false no quote contains "peace in our time"
}

// Reactions ranks statements by the group's members first: a Czech minister
// speaks for Europe.
func ExampleEngine_Reactions() {
	root, _ := os.MkdirTemp("", "summitbot-example-")
	defer os.RemoveAll(root)
	ctx := context.Background()
	e, err := index.Open(ctx, index.Options{IndexDir: filepath.Join(root, "index"), CorpusDir: filepath.Join(root, "corpus")})
	if err != nil {
		fmt.Println(err)
		return
	}
	defer e.Close()

	ans, _ := e.Reactions(ctx, "europe", 3)
	fmt.Println(ans.Results[0].Speaker)
	// Output:
	// Jan Lipavský
}
