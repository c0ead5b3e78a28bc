package bot

import (
	"fmt"
	"math"
	"sync"
	"time"

	"github.com/bwmarrin/discordgo"
	"golang.org/x/time/rate"

	"summitbot/wording"
)

// Rate is a cooldown: at most Count questions in Per. In Config the zero
// Rate means the default and a negative Count turns the cooldown off.
type Rate struct {
	Count int
	Per   time.Duration
}

// Off reports whether the rate sets no cooldown.
func (r Rate) Off() bool { return r.Count <= 0 || r.Per <= 0 }

func (r Rate) String() string {
	if r.Off() {
		return "off"
	}
	return wording.Count(r.Count, "question") + " in " + durationText(r.Per)
}

// cooldowns limit how fast members ask questions, per member and per
// channel, with one token bucket per member and per channel: a bucket
// holds Count questions and refills at Count per Per. A bucket left
// untouched for Per is full again, so it is forgotten: memory stays
// bounded by the members and channels active in the last Per.
type cooldowns struct {
	user, channel Rate

	mu        sync.Mutex
	buckets   map[string]*bucket
	lastSweep time.Time
}

type bucket struct {
	lim  *rate.Limiter
	per  time.Duration
	used time.Time
}

// maxBuckets bounds the buckets remembered; past it, new members and
// channels are not limited until idle buckets are forgotten.
const maxBuckets = 100_000

func newCooldowns(user, channel Rate) *cooldowns {
	return &cooldowns{user: user, channel: channel, buckets: map[string]*bucket{}}
}

// wait charges one question to the member and the channel at now, and
// returns 0 when it may be asked, else how long to wait and whether the
// channel's cooldown (rather than the member's) is the longer (nothing is
// then charged).
func (c *cooldowns) wait(userID, channelID string, now time.Time) (time.Duration, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.sweep(now)
	var rs []*rate.Reservation
	var wait time.Duration
	byChannel := false
	for i, k := range []struct {
		key string
		r   Rate
	}{{"u" + userID, c.user}, {"c" + channelID, c.channel}} {
		if k.r.Off() || len(k.key) == 1 {
			continue
		}
		b := c.bucket(k.key, k.r, now)
		if b == nil {
			continue
		}
		b.used = now
		r := b.lim.ReserveN(now, 1)
		rs = append(rs, r)
		if d := r.DelayFrom(now); d > wait {
			wait, byChannel = d, i == 1
		}
	}
	if wait > 0 {
		for _, r := range rs {
			r.CancelAt(now)
		}
	}
	return wait, byChannel
}

func (c *cooldowns) bucket(key string, r Rate, now time.Time) *bucket {
	if b, ok := c.buckets[key]; ok {
		return b
	}
	if len(c.buckets) >= maxBuckets {
		return nil
	}
	b := &bucket{lim: rate.NewLimiter(rate.Every(r.Per/time.Duration(r.Count)), r.Count), per: r.Per, used: now}
	c.buckets[key] = b
	return b
}

// sweep forgets the buckets idle for their whole period (full again),
// at most once a second.
func (c *cooldowns) sweep(now time.Time) {
	if now.Sub(c.lastSweep) < time.Second && len(c.buckets) < maxBuckets {
		return
	}
	c.lastSweep = now
	for k, b := range c.buckets {
		if now.Sub(b.used) >= b.per {
			delete(c.buckets, k)
		}
	}
}

// size is how many buckets are remembered.
func (c *cooldowns) size() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.buckets)
}

// cooldown refuses a question asked too soon: questions only (not
// autocomplete, paging or other commands), and never a moderator's.
func (s *service) cooldown(cmd Command, d Deps, in *discordgo.Interaction) error {
	if cmd.pager == nil || in.Type != discordgo.InteractionApplicationCommand || s.cool == nil {
		return nil
	}
	if in.Member != nil && authorize(d, in) == nil {
		return nil
	}
	u := invoker(in)
	if u == nil {
		return nil
	}
	wait, byChannel := s.cool.wait(u.ID, in.ChannelID, s.now())
	if wait <= 0 {
		return nil
	}
	again := fmt.Sprintf("%d s", max(int(math.Ceil(wait.Seconds())), 1))
	if byChannel {
		return &cooledDown{inputError{fmt.Sprintf("This channel is asking a lot at once: try again in %s.", again)}}
	}
	return &cooledDown{inputError{fmt.Sprintf("You are asking quickly (at most %s): try again in %s.", s.cool.user.String(), again)}}
}

// cooledDown is a question refused by a cooldown: the member is told like
// any bad input, and the refusal is counted as cooled down.
type cooledDown struct{ inputError }

func (e *cooledDown) Unwrap() error  { return &e.inputError }
func (*cooledDown) Outcome() Outcome { return OutcomeCooledDown }
