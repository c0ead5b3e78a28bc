package main

import (
	"bufio"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// dockerfile reads the Dockerfile's instructions (comments dropped,
// continuation lines joined), each as "KEYWORD arguments".
func dockerfile(t *testing.T) []string {
	t.Helper()
	f, err := os.Open("Dockerfile")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []string
	var cur strings.Builder
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if strings.HasPrefix(line, "#") || (line == "" && cur.Len() == 0) {
			continue
		}
		if more, ok := strings.CutSuffix(line, "\\"); ok {
			cur.WriteString(more + " ")
			continue
		}
		cur.WriteString(line)
		out = append(out, strings.Join(strings.Fields(cur.String()), " "))
		cur.Reset()
	}
	return out
}

// TestDockerfile checks what the image must be without building it (this
// machine cannot pull base images): a multi-stage build of a static binary,
// a minimal base, a non-root user, /data as the volume holding the corpus,
// the index and the moderation log, and a HEALTHCHECK that needs no curl.
func TestDockerfile(t *testing.T) {
	ins := dockerfile(t)
	has := func(re string) bool {
		r := regexp.MustCompile(re)
		for _, l := range ins {
			if r.MatchString(l) {
				return true
			}
		}
		return false
	}
	var froms []string
	for _, l := range ins {
		if strings.HasPrefix(l, "FROM ") {
			froms = append(froms, l)
		}
	}
	tests := []struct {
		name string
		ok   bool
	}{
		{"two stages, the first named", len(froms) == 2 && regexp.MustCompile(`^FROM golang:1\.\d+\S* AS \w+$`).MatchString(froms[0])},
		{"a minimal final image", len(froms) == 2 && regexp.MustCompile(`^FROM (gcr\.io/distroless/static\S*|scratch)$`).MatchString(froms[1])},
		{"a static binary", has(`^RUN .*CGO_ENABLED=0 .*go build `)},
		{"the binary copied from the build stage", has(`^COPY --from=\w+ \S+ /summitbot$`)},
		{"a non-root user", has(`^USER (nonroot|[1-9]\d*)(:\S+)?$`)},
		{"/data is a volume", has(`^VOLUME \["/data"\]$`) || has(`^VOLUME /data$`)},
		{"/data belongs to that user", has(`^COPY --from=\w+ --chown=[1-9]\d*:[1-9]\d* \S+ /data$`)},
		{"the corpus under /data", has(`^ENV .*CORPUS_DIR=/data/`)},
		{"the index under /data", has(`^ENV .*INDEX_DIR=/data/`)},
		{"the moderation log under /data", has(`^ENV .*MODLOG_FILE=/data/`)},
		{"a health endpoint without the interactions endpoint", has(`^ENV .*METRICS_ADDR=`)},
		{"HEALTHCHECK by the binary itself", has(`^HEALTHCHECK .*CMD \["/summitbot", "healthcheck"\]$`)},
		{"serve by default", has(`^ENTRYPOINT \["/summitbot"\]$`) && has(`^CMD \["serve"\]$`)},
	}
	for _, tt := range tests {
		if !tt.ok {
			t.Errorf("Dockerfile: %s: not found in\n%s", tt.name, strings.Join(ins, "\n"))
		}
	}
	// The builder's Go is the one go.mod asks for.
	mod, err := os.ReadFile("go.mod")
	if err != nil {
		t.Fatal(err)
	}
	want := regexp.MustCompile(`(?m)^go (1\.\d+)`).FindSubmatch(mod)
	if len(froms) > 0 && (want == nil || !strings.HasPrefix(froms[0], "FROM golang:"+string(want[1]))) {
		t.Errorf("the build stage %q is not Go %s", froms[0], want[1])
	}
}

// TestDockerignore: secrets and local data never go into the build context.
func TestDockerignore(t *testing.T) {
	data, err := os.ReadFile(".dockerignore")
	if err != nil {
		t.Fatal(err)
	}
	lines := map[string]bool{}
	for _, l := range strings.Split(string(data), "\n") {
		lines[strings.TrimSpace(l)] = true
	}
	for _, want := range []string{".git", ".env", "data/"} {
		if !lines[want] {
			t.Errorf(".dockerignore does not exclude %s", want)
		}
	}
}

// TestSystemdUnit checks the unit's sandboxing and, where systemd-analyze
// is installed (apt-get install systemd), has systemd verify it.
func TestSystemdUnit(t *testing.T) {
	unit, err := os.ReadFile(filepath.Join("deploy", "summitbot.service"))
	if err != nil {
		t.Fatal(err)
	}
	text := string(unit)
	for _, want := range []string{
		"ExecStart=/usr/local/bin/summitbot serve",
		"DynamicUser=yes", "StateDirectory=summitbot", "ProtectSystem=strict", "NoNewPrivileges=yes",
		"ProtectHome=yes", "PrivateTmp=yes", "CapabilityBoundingSet=\n", "SystemCallFilter=@system-service",
		"EnvironmentFile=/etc/summitbot/summitbot.env", "CORPUS_DIR=/var/lib/summitbot/", "INDEX_DIR=/var/lib/summitbot/",
		"MODLOG_FILE=/var/lib/summitbot/", "KillSignal=SIGTERM", "Restart=on-failure",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("deploy/summitbot.service lacks %q", strings.TrimSpace(want))
		}
	}

	tool, err := exec.LookPath("systemd-analyze")
	if err != nil {
		t.Skip("systemd-analyze is not installed (apt-get install systemd): the unit was checked for its settings only")
	}
	// verify checks that ExecStart names an executable: point it at one
	// that exists here.
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "summitbot.service")
	if err := os.WriteFile(path, []byte(strings.ReplaceAll(text, "/usr/local/bin/summitbot", self)), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(tool, "verify", path).CombinedOutput()
	if err != nil || len(strings.TrimSpace(string(out))) > 0 {
		t.Errorf("systemd-analyze verify: %v\n%s", err, out)
	}
}
