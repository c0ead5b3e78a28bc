package bot

import (
	"slices"

	"github.com/bwmarrin/discordgo"

	"summitbot/answer"
)

// authorize is the permission check every moderator command passes before
// its handler runs: the interaction must come from one of the configured
// guilds, from a member with the Manage Server (or Administrator) permission
// or one of the moderator roles. Discord's default_member_permissions only
// hides commands, and server admins can change it, so this is the check
// that counts.
func authorize(d Deps, in *discordgo.Interaction) error {
	switch {
	case in.GuildID == "" || in.Member == nil:
		return inputErrorf("Moderator commands work only in a server, not in direct messages.")
	case !slices.Contains(d.GuildIDs, in.GuildID):
		return inputErrorf("Moderator commands are not enabled in this server.")
	case in.Member.Permissions&(discordgo.PermissionManageGuild|discordgo.PermissionAdministrator) != 0:
		return nil
	}
	for _, r := range in.Member.Roles {
		if slices.Contains(d.ModeratorRoleIDs, r) {
			return nil
		}
	}
	return inputErrorf("Only moderators may do that: it needs the Manage Server permission or a moderator role.")
}

// actorOf is who sent a moderator command, for the moderation log.
func actorOf(in *discordgo.Interaction) answer.Actor {
	a := answer.Actor{Via: "discord", GuildID: in.GuildID}
	if u := invoker(in); u != nil {
		a.UserID, a.Name = u.ID, u.Username
	}
	return a
}
