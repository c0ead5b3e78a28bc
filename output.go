package main

import (
	"cmp"
	"fmt"
	"io"
	"strings"
	"summitbot/answer"
)

// printAnswer writes an answer for a person reading a terminal.
func printAnswer(w io.Writer, a answer.Answer) {
	if !a.Found || len(a.Results) == 0 {
		switch a.Command {
		case "who-said":
			fmt.Fprintf(w, "No quote contains %q.\n", a.Query)
		default:
			fmt.Fprintf(w, "Nothing found for %q.\n", a.Query)
		}
		if a.Note != "" {
			fmt.Fprintln(w, a.Note)
		}
		if len(a.Closest) > 0 {
			fmt.Fprintln(w, "\nClosest quotes (not a match):")
			for _, r := range a.Closest {
				printResult(w, r)
			}
		}
		return
	}
	if a.Note != "" {
		fmt.Fprintln(w, a.Note)
		fmt.Fprintln(w)
	}
	for i, r := range a.Results {
		if i > 0 {
			fmt.Fprintln(w)
		}
		printResult(w, r)
	}
}

func printResult(w io.Writer, r answer.Result) {
	if r.Quote != "" {
		who := r.Speaker
		if who == "" {
			who = r.Description
		}
		if r.Uncertain {
			who = "attributed to " + who + " (uncertain)"
		}
		fmt.Fprintf(w, "%s: “%s”\n", who, r.Quote)
	} else {
		fmt.Fprintln(w, r.Text)
	}
	src := []string{r.Article.Title}
	if r.Article.Outlet != "" && r.Article.Outlet != r.Article.Title {
		src = append(src, r.Article.Outlet)
	}
	if r.Article.Published != "" {
		src = append(src, r.Article.Published)
	}
	src = append(src, fmt.Sprintf("paragraph %d", r.Paragraph))
	if r.Section != "" {
		src = append(src, "section “"+r.Section+"”")
	}
	fmt.Fprintf(w, "  — %s\n", strings.Join(src, " · "))
	if r.Article.URL != "" {
		fmt.Fprintf(w, "  %s\n", r.Article.URL)
	}
	for _, o := range r.AlsoReportedBy {
		fmt.Fprintf(w, "  also reported by %s\n", cmp.Or(o.Outlet, o.Title))
	}
}

func printSources(w io.Writer, infos []answer.ArticleInfo) {
	for _, a := range infos {
		fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%d paragraphs\t%d quotes\n", a.ID, a.Title, cmp.Or(a.Outlet, "-"), cmp.Or(a.Published, "-"), a.Paragraphs, a.Quotes)
	}
}
