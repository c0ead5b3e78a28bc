// Package bench holds the project's benchmarks and the generator of the
// corpora they run on. Everything lives in test files: the package itself
// exports nothing and is never imported.
//
// The generator (gen_test.go) writes N articles in the corpus folder format,
// made by renaming the people and places of the shared articles (the default
// article and the fictional set) after invented casts, and by recombining
// their paragraphs, so that a corpus of 1, 1,000 or 5,000 articles (about
// 100,000 paragraphs) can be made on demand.
//
// The benchmarks measure ingest against bleve's own batch indexing, query
// latency against a plain bleve match query, start-up of the built binary,
// the HTTP interactions endpoint under concurrent signed requests, queries
// during a reindex, and peak memory. Sizes come from BENCH_SIZES
// (e.g. BENCH_SIZES=1,1000,5000; default 1); generated corpora and their
// indexes are cached under os.TempDir()/summitbot-bench between runs.
// A smoke version of each runs in the normal test pass at size 1.
// BENCHMARKS.md at the repository root has the commands and the figures.
package bench
