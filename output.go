package main

import (
	"cmp"
	"fmt"
	"io"
	"strings"
	"summitbot/answer"
	"summitbot/wording"
)

// printAnswer writes an answer for a person reading a terminal: a heading
// when the answer needs one, the engine's note when it adds something, then
// the results with their sources; a miss says so once, then lists the
// closest quotes, labelled as not matching.
func printAnswer(w io.Writer, a answer.Answer) {
	if !a.Found || len(a.Results) == 0 {
		msg := fmt.Sprintf("Nothing found for “%s”.", oneLine(a.Query))
		if a.Command == "who-said" {
			msg = fmt.Sprintf("No quote contains “%s”.", oneLine(a.Query))
		}
		fmt.Fprintln(w, msg)
		if note := wording.Sentence(a.Note); note != "" && !wording.Redundant(msg, note) {
			fmt.Fprintln(w, note)
		}
		if len(a.Closest) > 0 {
			fmt.Fprintln(w, "\nClosest quotes (not a match):")
			for i, r := range a.Closest {
				if i > 0 {
					fmt.Fprintln(w)
				}
				printResult(w, r)
			}
		}
		return
	}
	var head []string
	switch {
	case a.Match == answer.MatchClose:
		noun := "Closest quote"
		if len(a.Results) > 1 {
			noun = "Closest quotes"
		}
		head = append(head, fmt.Sprintf("%s to “%s” (not these exact words):", noun, oneLine(a.Query)))
	case a.Subject != "" && a.Command == "quotes":
		head = append(head, "Quotes by "+oneLine(a.Subject))
	case a.Subject != "" && a.Command == "reactions":
		head = append(head, "How "+oneLine(a.Subject)+" reacted")
	case a.Subject != "":
		head = append(head, oneLine(a.Subject))
	}
	if len(a.Also) > 0 {
		head = append(head, "also: "+strings.Join(a.Also, ", "))
	}
	// A close match's heading already says the words are not the quote's.
	if note := wording.Sentence(a.Note); note != "" && a.Match != answer.MatchClose && !wording.Redundant(strings.Join(head, "\n"), note) {
		head = append(head, note)
	}
	if len(head) > 0 {
		fmt.Fprintln(w, strings.Join(head, "\n"))
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
		who := cmp.Or(oneLine(r.Speaker), wording.Meta(r.Description), "unnamed speaker")
		if r.Uncertain {
			who = "attributed to " + who + " (uncertain)"
		}
		fmt.Fprintf(w, "%s: “%s”\n", who, r.Quote)
	} else {
		fmt.Fprintln(w, r.Text)
	}
	a := r.Article
	title := cmp.Or(wording.Meta(a.Title), wording.Meta(a.Outlet), a.ID)
	src := []string{title}
	if o := wording.Meta(a.Outlet); o != "" && o != title {
		src = append(src, o)
	}
	if d := wording.Date(a.Published); d != "" {
		src = append(src, d)
	}
	if r.Paragraph > 0 {
		src = append(src, fmt.Sprintf("paragraph %d", r.Paragraph))
	}
	if sec := wording.Meta(r.Section); sec != "" {
		src = append(src, "section “"+sec+"”")
	}
	fmt.Fprintf(w, "  — %s\n", strings.Join(src, " · "))
	if a.URL != "" {
		fmt.Fprintf(w, "  %s\n", a.URL)
	}
	if len(r.AlsoReportedBy) > 0 {
		var names []string
		for _, o := range r.AlsoReportedBy {
			names = append(names, cmp.Or(wording.Meta(o.Outlet), wording.Meta(o.Title), o.ID))
		}
		fmt.Fprintf(w, "  also reported by %s\n", strings.Join(names, ", "))
	}
}

// printSources lists the indexed articles, one a line: id, then title,
// outlet and date where known, and the counts.
func printSources(w io.Writer, infos []answer.ArticleInfo) {
	for _, a := range infos {
		parts := []string{cmp.Or(wording.Meta(a.Title), a.ID)}
		if o := wording.Meta(a.Outlet); o != "" {
			parts = append(parts, o)
		}
		if d := wording.Date(a.Published); d != "" {
			parts = append(parts, d)
		}
		parts = append(parts, wording.Count(a.Paragraphs, "paragraph"), wording.Count(a.Quotes, "quote"))
		fmt.Fprintf(w, "%s\t%s\n", a.ID, strings.Join(parts, " · "))
	}
}

// oneLine is text on one line with single spaces.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// printAddedMeta is the line of an added article's metadata and counts,
// then what is missing.
func printAddedMeta(w io.Writer, i answer.ArticleInfo) {
	var parts, missing []string
	if o := wording.Meta(i.Outlet); o != "" {
		parts = append(parts, "outlet: "+o)
	} else {
		missing = append(missing, "no outlet found")
	}
	if d := wording.Date(i.Published); d != "" {
		parts = append(parts, "published: "+d)
	} else {
		missing = append(missing, "no date found")
	}
	parts = append(parts, wording.Count(i.Paragraphs, "paragraph"), wording.Count(i.Quotes, "quote"))
	fmt.Fprintf(w, "  %s\n", strings.Join(parts, " · "))
	if len(missing) > 0 {
		fmt.Fprintf(w, "  warning: %s\n", strings.Join(missing, ", "))
	}
}
