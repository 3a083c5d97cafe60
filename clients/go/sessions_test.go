package portcullis_test

import (
	"errors"
	"sync"
	"testing"
	"time"

	"portcullis.dev/portcullis"
)

const accessTokenLifetime = 3600

func login(t *testing.T, options ...portcullis.Option) (*tenant, *portcullis.Client) {
	t.Helper()
	tn := newTenant(t)
	email, password := tn.user()
	session, err := portcullis.NewClient("", baseURL, options...).Login(ctx, email, password, tn.id)
	must(t, err)
	equal(t, session.User().Email, email, "user")
	return tn, session
}

func TestLoginThenAnExpiredAccessTokenIsRefreshedTransparentlyAndLogoutEndsTheSession(t *testing.T) {
	tn, session := login(t)
	health, err := session.Health(ctx)
	must(t, err)
	equal(t, health.TenantID, tn.id, "tenant")
	firstToken := session.AccessToken()

	advanceServerClock(t, accessTokenLifetime+1)
	health, err = session.Health(ctx)
	must(t, err)
	equal(t, health.TenantID, tn.id, "tenant")
	if session.AccessToken() == firstToken {
		t.Fatal("not refreshed after TOKEN_EXPIRED")
	}

	lastToken := session.AccessToken()
	must(t, session.Logout(ctx))
	_, err = portcullis.NewClient(string(lastToken), baseURL).Health(ctx)
	var refused *portcullis.Error
	if !errors.As(err, &refused) || refused.Status != 401 {
		t.Fatalf("want 401 for the token after logout, got %v", err)
	}
	if _, err := session.Health(ctx); !errors.Is(err, portcullis.ErrSessionEnded) {
		t.Fatalf("want ErrSessionEnded, got %v", err)
	}
}

func TestConcurrentCallersWithAnExpiredTokenShareOneRefresh(t *testing.T) {
	tn, session := login(t)
	advanceServerClock(t, accessTokenLifetime+1)
	// Refreshing twice with one refresh token would revoke the whole session on the server.
	var wg sync.WaitGroup
	errs := make([]error, 8)
	for i := range errs {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			_, errs[i] = session.Health(ctx)
		}(i)
	}
	wg.Wait()
	for _, err := range errs {
		must(t, err)
	}
	health, err := session.Health(ctx)
	must(t, err)
	equal(t, health.TenantID, tn.id, "tenant")
}

func TestTheTokenIsRefreshedJustBeforeExpiresInRunsOut(t *testing.T) {
	now := time.Now()
	var mu sync.Mutex
	clock := func() time.Time { mu.Lock(); defer mu.Unlock(); return now }
	tn, session := login(t, portcullis.WithClock(clock))
	firstToken := session.AccessToken()
	_, err := session.Health(ctx)
	must(t, err)
	equal(t, session.AccessToken(), firstToken, "token before expiry")

	mu.Lock()
	now = now.Add((accessTokenLifetime - 5) * time.Second)
	mu.Unlock()
	health, err := session.Health(ctx)
	must(t, err)
	equal(t, health.TenantID, tn.id, "tenant")
	if session.AccessToken() == firstToken {
		t.Fatal("not refreshed before expiry")
	}
}

func TestARefusedRefreshTokenEndsTheSession(t *testing.T) {
	tn, session := login(t)
	_, err := tn.client.Users.Update(ctx, session.User().ID, portcullis.UserChange{Password: portcullis.Ptr("a new long passphrase")})
	must(t, err) // ends the user's sessions
	advanceServerClock(t, accessTokenLifetime+1)

	_, err = session.Health(ctx)
	var refused *portcullis.Error
	if !errors.As(err, &refused) || refused.Code != "INVALID_REFRESH_TOKEN" {
		t.Fatalf("want INVALID_REFRESH_TOKEN, got %v", err)
	}
	if _, err := session.Health(ctx); !errors.Is(err, portcullis.ErrSessionEnded) {
		t.Fatalf("want ErrSessionEnded, got %v", err)
	}
	equal(t, session.AccessToken(), "", "access token")
}

func TestAWrongPasswordIsInvalidCredentialsAndNeverShown(t *testing.T) {
	tn := newTenant(t)
	email, _ := tn.user()
	_, err := portcullis.NewClient("", baseURL).Login(ctx, email, "not the password", tn.id)
	var refused *portcullis.Error
	if !errors.As(err, &refused) || refused.Code != "INVALID_CREDENTIALS" {
		t.Fatalf("want INVALID_CREDENTIALS, got %v", err)
	}
}
