package answer

import "context"

// Actor is who asked for a moderator change. Where the change comes in (a
// Discord interaction, the control socket, the command line) puts it in
// the context with WithActor; the moderation log reads it with ActorFrom.
type Actor struct {
	// Via is where the change came from: "discord" or "command line".
	Via string `json:"via"`
	// Name is the Discord username, or the local user on the command line.
	Name string `json:"name,omitempty"`
	// UserID is the Discord user id, or the local uid.
	UserID string `json:"user_id,omitempty"`
	// GuildID is the Discord server the command was used in.
	GuildID string `json:"guild_id,omitempty"`
}

type actorKey struct{}

// WithActor returns ctx carrying who asked for the change.
func WithActor(ctx context.Context, a Actor) context.Context {
	return context.WithValue(ctx, actorKey{}, a)
}

// ActorFrom is who asked for the change ctx belongs to, if known.
func ActorFrom(ctx context.Context) (Actor, bool) {
	a, ok := ctx.Value(actorKey{}).(Actor)
	return a, ok
}
