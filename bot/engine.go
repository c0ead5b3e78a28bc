package bot

import (
	"summitbot/answer"
	"summitbot/index"
)

// The bot asks an answer.Querier and changes the corpus through an
// answer.Moderator; *index.Engine is the querier in production.
var _ answer.Querier = (*index.Engine)(nil)
