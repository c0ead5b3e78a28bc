package metrics

import (
	"github.com/prometheus/client_golang/prometheus"

	"summitbot/answer"
)

// Index is what the index size metrics read: *index.Engine.
type Index interface {
	Sources() []answer.ArticleInfo
	Ready() bool
}

// WatchIndex registers the index size gauges (articles, paragraphs,
// quotes) and readiness, read from ix at each scrape.
func (m *Metrics) WatchIndex(ix Index) error {
	return m.reg.Register(indexCollector{ix: ix})
}

var (
	articlesDesc   = prometheus.NewDesc("summitbot_index_articles", "Articles in the index.", nil, nil)
	paragraphsDesc = prometheus.NewDesc("summitbot_index_paragraphs", "Paragraphs in the index.", nil, nil)
	quotesDesc     = prometheus.NewDesc("summitbot_index_quotes", "Attributed quotes in the index.", nil, nil)
	readyDesc      = prometheus.NewDesc("summitbot_index_ready", "1 when the index is open and answering, else 0.", nil, nil)
)

type indexCollector struct{ ix Index }

func (c indexCollector) Describe(ch chan<- *prometheus.Desc) {
	ch <- articlesDesc
	ch <- paragraphsDesc
	ch <- quotesDesc
	ch <- readyDesc
}

func (c indexCollector) Collect(ch chan<- prometheus.Metric) {
	ready := 0.0
	if c.ix.Ready() {
		ready = 1
	}
	ch <- prometheus.MustNewConstMetric(readyDesc, prometheus.GaugeValue, ready)
	var paras, quotes int
	infos := c.ix.Sources()
	for _, a := range infos {
		paras += a.Paragraphs
		quotes += a.Quotes
	}
	ch <- prometheus.MustNewConstMetric(articlesDesc, prometheus.GaugeValue, float64(len(infos)))
	ch <- prometheus.MustNewConstMetric(paragraphsDesc, prometheus.GaugeValue, float64(paras))
	ch <- prometheus.MustNewConstMetric(quotesDesc, prometheus.GaugeValue, float64(quotes))
}
