// Package devdata serves the project's own development data to tests: the
// fiction articles with their gold quotes and queries, the seed article's dev
// questions and the members' dev questions, all kept in testdata/ at the top
// of the repository. Every test that reads these files goes through here, so
// a missing file fails the test loudly instead of skipping it.
package devdata
