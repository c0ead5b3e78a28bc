package feed

import (
	"crypto/sha256"
	"encoding/hex"
	"net/netip"
	"net/url"
	"strings"

	"golang.org/x/net/publicsuffix"

	"summitbot/corpus"
)

// trackingParams are query parameters that feeds add to links to count
// clicks; two links that differ only in them are the same article.
var trackingParams = []string{"utm_", "fbclid", "gclid", "mc_cid", "mc_eid", "ocid", "cmpid", "at_medium", "at_campaign"}

// cleanLink drops the fragment and tracking parameters from an article link.
func cleanLink(raw string) string {
	raw = strings.TrimSpace(raw)
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" {
		return raw
	}
	u.Fragment, u.RawFragment = "", ""
	if u.RawQuery != "" {
		q := u.Query()
		for k := range q {
			lk := strings.ToLower(k)
			for _, p := range trackingParams {
				if strings.HasPrefix(lk, p) {
					q.Del(k)
				}
			}
		}
		u.RawQuery = q.Encode()
	}
	return u.String()
}

// linkKey is the key under which two links to one article are the same:
// corpus.URLKey of the cleaned link.
func linkKey(raw string) string { return corpus.URLKey(cleanLink(raw)) }

// siteID names a feed after its site: "https://feeds.bbci.co.uk/news/rss.xml"
// is "bbci"; an address or an unreadable link is "feed".
func siteID(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return "feed"
	}
	host := strings.TrimSuffix(strings.ToLower(u.Hostname()), ".")
	if _, err := netip.ParseAddr(host); err == nil || host == "" || host == "localhost" {
		return "feed"
	}
	if etld1, err := publicsuffix.EffectiveTLDPlusOne(host); err == nil {
		host = etld1
	}
	label, _, _ := strings.Cut(host, ".")
	var b strings.Builder
	for _, r := range label {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			b.WriteRune(r)
		case r == '-' && b.Len() > 0:
			b.WriteRune(r)
		}
	}
	id := strings.Trim(b.String(), "-")
	if id == "" || len(id) > 40 {
		return "feed"
	}
	return id
}

// itemID names a queued item: a short hash of its address key, stable, so
// the same article always has the same id.
func itemID(key string) string {
	sum := sha256.Sum256([]byte(key))
	return hex.EncodeToString(sum[:4])
}
