package portcullis_test

import (
	"os"
	"os/exec"
	"regexp"
	"strings"
	"testing"
)

var snippetBlock = regexp.MustCompile("(?s)<!-- snippet: health[^>]*-->\\s*```go\n(.*?)```")

func readmeSnippet(t *testing.T) string {
	readme, err := os.ReadFile("README.md")
	must(t, err)
	found := snippetBlock.FindSubmatch(readme)
	if found == nil {
		t.Fatal("README.md has no health snippet")
	}
	return string(found[1])
}

func TestTheReadmeSnippetIsTheHealthExample(t *testing.T) {
	example, err := os.ReadFile("examples/health/main.go")
	must(t, err)
	equal(t, readmeSnippet(t), string(example), "README snippet vs examples/health/main.go")
}

func TestTheReadmeSnippetPrintsTheTenantOfTheKey(t *testing.T) {
	tn := newTenant(t)
	run := exec.Command("go", "run", "./examples/health")
	run.Env = append(os.Environ(), "PORTCULLIS_API_KEY="+tn.adminKey, "PORTCULLIS_BASE_URL="+baseURL)
	output, err := run.Output()
	if err != nil {
		t.Fatalf("go run ./examples/health: %v", err)
	}
	equal(t, string(output), "Authenticated as tenant: "+tn.id+"\n", "output")
}

func TestTheRepositoryReadmeShowsTheSameSnippet(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if os.IsNotExist(err) {
		t.Skip("not inside the Portcullis repository")
	}
	must(t, err)
	if !strings.Contains(string(readme), readmeSnippet(t)) {
		t.Fatal("README.md's Clients section lacks this client's snippet")
	}
}
