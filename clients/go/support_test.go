package portcullis_test

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"os"
	"testing"

	"portcullis.dev/portcullis"
)

// The server under test, from the environment: these tests run against a real Portcullis.
var baseURL, adminKey string

func TestMain(m *testing.M) {
	baseURL, adminKey = os.Getenv("PORTCULLIS_BASE_URL"), os.Getenv("PORTCULLIS_ADMIN_KEY")
	if baseURL == "" || adminKey == "" {
		fmt.Fprintln(os.Stderr, "Set PORTCULLIS_BASE_URL (such as http://127.0.0.1:8080/v1) and PORTCULLIS_ADMIN_KEY "+
			"(a platform-admin key): these tests run against a real Portcullis server")
		os.Exit(2)
	}
	os.Exit(m.Run())
}

var ctx = context.Background()

func admin() *portcullis.Client { return portcullis.NewClient(adminKey, baseURL) }

// tenant is a fresh tenant and a live admin key of it.
type tenant struct {
	t        *testing.T
	id       string
	adminKey string
	client   *portcullis.Client
}

func newTenant(t *testing.T) *tenant {
	t.Helper()
	platform := admin()
	created, err := platform.Tenants.Create(ctx, portcullis.NewTenant{Name: "go client test", Plan: "enterprise"})
	must(t, err)
	key, err := platform.ForTenant(created.ID).Keys.Create(ctx, portcullis.NewKey{Name: "tenant admin", Role: "admin"})
	must(t, err)
	return &tenant{t: t, id: created.ID, adminKey: string(key.Key), client: portcullis.NewClient(string(key.Key), baseURL)}
}

func (tn *tenant) key(key portcullis.NewKey) *portcullis.Key {
	tn.t.Helper()
	key.Name = "key " + random()
	if key.Role == "" {
		key.Role = "member"
	}
	created, err := tn.client.Keys.Create(ctx, key)
	must(tn.t, err)
	return created
}

func (tn *tenant) user() (email, password string) {
	tn.t.Helper()
	email, password = "user."+random()+"@example.com", "a long passphrase"
	_, err := tn.client.Users.Create(ctx, portcullis.NewUser{Email: email, Password: password, Role: "member"})
	must(tn.t, err)
	return email, password
}

// advanceServerClock moves the server's clock forward (a server started with PORTCULLIS_CLOCK_ADJUSTABLE=true).
func advanceServerClock(t *testing.T, seconds int64) {
	t.Helper()
	must(t, admin().Request(ctx, "POST", "/test-clock", map[string]int64{"seconds": seconds}, nil))
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func random() string {
	b := make([]byte, 6)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

func equal[T comparable](t *testing.T, got, want T, what string) {
	t.Helper()
	if got != want {
		t.Fatalf("%s: got %v, want %v", what, got, want)
	}
}
