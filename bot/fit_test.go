package bot

import (
	"encoding/json"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/bwmarrin/discordgo"

	"summitbot/bot/internal/fakediscord"
)

// junk is n UTF-16 units of text mixing words, Markdown, mentions and
// characters outside the BMP.
func junk(rng *rand.Rand, n int) string {
	parts := []string{"word ", "**", "@everyone ", "😀", "é", "\\", "\n", "[x](y) ", "a_b ", "        "}
	var b strings.Builder
	for size := 0; size < n; {
		p := parts[rng.IntN(len(parts))]
		b.WriteString(p)
		size += textLen(p)
	}
	return b.String()
}

func msgResp(data *discordgo.InteractionResponseData) *discordgo.InteractionResponse {
	return &discordgo.InteractionResponse{Type: discordgo.InteractionResponseChannelMessageWithSource, Data: data}
}

func embeds(rng *rand.Rand, count, fields, size int) []*discordgo.MessageEmbed {
	var out []*discordgo.MessageEmbed
	for i := 0; i < count; i++ {
		e := &discordgo.MessageEmbed{
			Title:       junk(rng, size/4),
			Description: junk(rng, size),
			URL:         "https://example.org/a",
			Author:      &discordgo.MessageEmbedAuthor{Name: junk(rng, size/8)},
			Footer:      &discordgo.MessageEmbedFooter{Text: junk(rng, size/2)},
		}
		for j := 0; j < fields; j++ {
			e.Fields = append(e.Fields, &discordgo.MessageEmbedField{Name: junk(rng, size/8), Value: junk(rng, size/2)})
		}
		out = append(out, e)
	}
	return out
}

// TestFit feeds fit responses far over every limit and checks the result
// with the fake Discord's independent rules, and with UTF-16 lengths.
func TestFit(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	var manyChoices []*discordgo.ApplicationCommandOptionChoice
	for i := 0; i < 60; i++ {
		manyChoices = append(manyChoices, &discordgo.ApplicationCommandOptionChoice{Name: junk(rng, 300), Value: junk(rng, 300)})
	}
	manyChoices = append(manyChoices, &discordgo.ApplicationCommandOptionChoice{Name: "", Value: "x"}, &discordgo.ApplicationCommandOptionChoice{Name: "x", Value: "  "})
	tests := []struct {
		name string
		resp *discordgo.InteractionResponse
		// check holds extra expectations
		check func(t *testing.T, r *discordgo.InteractionResponse)
	}{
		{name: "huge content", resp: msgResp(&discordgo.InteractionResponseData{Content: junk(rng, 100_000)})},
		{name: "one huge embed", resp: msgResp(&discordgo.InteractionResponseData{Embeds: embeds(rng, 1, 0, 100_000)})},
		{name: "too many embeds", resp: msgResp(&discordgo.InteractionResponseData{Embeds: embeds(rng, 14, 2, 800)}),
			check: func(t *testing.T, r *discordgo.InteractionResponse) {
				if len(r.Data.Embeds) != maxEmbeds {
					t.Errorf("%d embeds, want the first %d kept", len(r.Data.Embeds), maxEmbeds)
				}
			}},
		{name: "too many fields", resp: msgResp(&discordgo.InteractionResponseData{Embeds: embeds(rng, 2, 40, 3000)})},
		{name: "everything huge", resp: msgResp(&discordgo.InteractionResponseData{Content: junk(rng, 9000), Embeds: embeds(rng, 12, 30, 9000)})},
		{name: "descriptions give way first", resp: msgResp(&discordgo.InteractionResponseData{Embeds: func() []*discordgo.MessageEmbed {
			es := embeds(rng, 10, 0, 1000)
			for _, e := range es {
				e.Title, e.Footer, e.Author = strings.Repeat("t", 200), nil, nil
			}
			return es
		}()}),
			check: func(t *testing.T, r *discordgo.InteractionResponse) {
				for _, e := range r.Data.Embeds {
					if textLen(e.Title) != 200 {
						t.Errorf("a title was cut (%d) while descriptions could give way", textLen(e.Title))
					}
				}
			}},
		{name: "empty message", resp: msgResp(&discordgo.InteractionResponseData{Embeds: []*discordgo.MessageEmbed{{}, {Author: &discordgo.MessageEmbedAuthor{}}}}),
			check: func(t *testing.T, r *discordgo.InteractionResponse) {
				if len(r.Data.Embeds) != 0 || r.Data.Content == "" {
					t.Errorf("empty embeds kept or no content: %+v", r.Data)
				}
			}},
		{name: "bad urls and empty fields", resp: msgResp(&discordgo.InteractionResponseData{Embeds: []*discordgo.MessageEmbed{{
			Title: "t", URL: "javascript:alert(1)",
			Fields: []*discordgo.MessageEmbedField{{Name: "", Value: "v"}, {Name: "n", Value: ""}, nil},
		}}}),
			check: func(t *testing.T, r *discordgo.InteractionResponse) {
				e := r.Data.Embeds[0]
				if e.URL != "" || len(e.Fields) != 1 || e.Fields[0].Name == "" {
					t.Errorf("url %q fields %+v", e.URL, e.Fields)
				}
			}},
		{name: "flags", resp: msgResp(&discordgo.InteractionResponseData{Content: "x", Flags: discordgo.MessageFlagsEphemeral | discordgo.MessageFlagsCrossPosted}),
			check: func(t *testing.T, r *discordgo.InteractionResponse) {
				if r.Data.Flags != discordgo.MessageFlagsEphemeral {
					t.Errorf("flags %d", r.Data.Flags)
				}
			}},
		{name: "deferred keeps only the ephemeral flag", resp: &discordgo.InteractionResponse{Type: discordgo.InteractionResponseDeferredChannelMessageWithSource, Data: &discordgo.InteractionResponseData{Content: "x", Flags: discordgo.MessageFlagsEphemeral | discordgo.MessageFlagsSuppressEmbeds}},
			check: func(t *testing.T, r *discordgo.InteractionResponse) {
				if r.Data == nil || r.Data.Flags != discordgo.MessageFlagsEphemeral || r.Data.Content != "" {
					t.Errorf("data %+v", r.Data)
				}
			}},
		{name: "autocomplete", resp: &discordgo.InteractionResponse{Type: discordgo.InteractionApplicationCommandAutocompleteResult, Data: &discordgo.InteractionResponseData{Choices: manyChoices, Content: "dropped"}},
			check: func(t *testing.T, r *discordgo.InteractionResponse) {
				if len(r.Data.Choices) != maxChoices || r.Data.Content != "" {
					t.Errorf("%d choices, content %q", len(r.Data.Choices), r.Data.Content)
				}
			}},
		{name: "autocomplete without data", resp: &discordgo.InteractionResponse{Type: discordgo.InteractionApplicationCommandAutocompleteResult}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := fit(tc.resp)
			body, err := encodeResponse(r)
			if err != nil {
				t.Fatal(err)
			}
			autocomplete := r.Type == discordgo.InteractionApplicationCommandAutocompleteResult
			if problems := fakediscord.CheckCallback(body, autocomplete); len(problems) > 0 {
				t.Fatalf("breaks Discord's rules: %v", problems)
			}
			if r.Data != nil && r.Type == discordgo.InteractionResponseChannelMessageWithSource {
				if textLen(r.Data.Content) > maxContent || embedTotal(r.Data.Embeds) > maxEmbedTotal {
					t.Errorf("UTF-16 lengths: content %d, embeds %d", textLen(r.Data.Content), embedTotal(r.Data.Embeds))
				}
				if !strings.Contains(string(body), `"allowed_mentions":{"parse":[]`) {
					t.Errorf("allowed_mentions missing: %.200s", body)
				}
			}
			if tc.check != nil {
				tc.check(t, r)
			}
			again, _ := encodeResponse(fit(r))
			if string(again) != string(body) {
				t.Error("fit is not idempotent")
			}
		})
	}
}

func TestNoMentionsMarshalsToParseNothing(t *testing.T) {
	b, err := json.Marshal(noMentions())
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(string(b), `{"parse":[]`) {
		t.Errorf("allowed_mentions marshals to %s", b)
	}
}
