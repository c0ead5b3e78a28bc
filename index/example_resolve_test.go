package index_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"summitbot/index"
)

// Quotes resolves a request by name, nickname or title: the default
// article calls Putin the "Russian President", and "vlad" is his nickname.
// Subject shows whom the request resolved to.
func ExampleEngine_Quotes() {
	root, _ := os.MkdirTemp("", "summitbot-example-")
	defer os.RemoveAll(root)
	ctx := context.Background()
	e, err := index.Open(ctx, index.Options{IndexDir: filepath.Join(root, "index"), CorpusDir: filepath.Join(root, "corpus")})
	if err != nil {
		fmt.Println(err)
		return
	}
	defer e.Close()

	for _, request := range []string{"the russian president", "vlad", "the US president"} {
		ans, _ := e.Quotes(ctx, request, 1)
		fmt.Println(ans.Subject, "—", ans.Results[0].Quote)
	}
	// Output:
	// Vladimir Putin (Russian President) — understanding
	// Vladimir Putin (Russian President) — understanding
	// Donald Trump (United States President) — many, many points
}
