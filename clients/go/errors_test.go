package portcullis_test

import (
	"errors"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"portcullis.dev/portcullis"
)

func refusal(t *testing.T, err error, status int, code string) *portcullis.Error {
	t.Helper()
	var refused *portcullis.Error
	if !errors.As(err, &refused) || refused.Status != status || refused.Code != code {
		t.Fatalf("want %d %s, got %v", status, code, err)
	}
	return refused
}

func TestABadKeyIsA401WithTheRequestID(t *testing.T) {
	tn := newTenant(t)
	member := tn.key(portcullis.NewKey{})
	must(t, tn.client.Keys.Revoke(ctx, member.ID))
	_, err := portcullis.NewClient(string(member.Key), baseURL).Health(ctx)
	refused := refusal(t, err, 401, "INVALID_API_KEY")
	if !strings.HasPrefix(refused.RequestID, "req_") {
		t.Fatalf("request id %q", refused.RequestID)
	}
}

func TestAMemberListingKeysIsA403NamingTheRole(t *testing.T) {
	tn := newTenant(t)
	member := portcullis.NewClient(string(tn.key(portcullis.NewKey{Role: "member"}).Key), baseURL)
	_, err := member.Keys.List(ctx, nil).All()
	equal(t, refusal(t, err, 403, "INSUFFICIENT_PERMISSIONS").RequiredRole, "admin", "required role")
}

func TestAScopedKeyOutsideItsScopeIsToldTheScope(t *testing.T) {
	tn := newTenant(t)
	reader := portcullis.NewClient(string(tn.key(portcullis.NewKey{Role: "admin", Scopes: []string{"keys:read"}}).Key), baseURL)
	_, err := reader.Users.Create(ctx, portcullis.NewUser{Email: "x@example.com", Password: "a long passphrase"})
	if refusal(t, err, 403, "INSUFFICIENT_PERMISSIONS").RequiredScope == "" {
		t.Fatal("no required scope")
	}
}

func TestATenantAdminActingForAnotherTenantIsRefused(t *testing.T) {
	tn := newTenant(t)
	_, err := tn.client.ForTenant("tenant_platform").Health(ctx)
	equal(t, refusal(t, err, 403, "INSUFFICIENT_PERMISSIONS").RequiredRole, "platform_admin", "required role")
}

func TestAnUnknownKeyIsA404(t *testing.T) {
	tn := newTenant(t)
	_, err := tn.client.Keys.Get(ctx, "key_doesnotexist")
	refusal(t, err, 404, "NOT_FOUND")
}

func TestAnInvalidFieldIsA400NamingIt(t *testing.T) {
	tn := newTenant(t)
	_, err := tn.client.Keys.Create(ctx, portcullis.NewKey{Name: "", Role: "member"})
	equal(t, refusal(t, err, 400, "VALIDATION_FAILED").Field, "name", "field")
}

func TestAKeyEchoedByTheServerNeverAppearsInTheError(t *testing.T) {
	tn := newTenant(t)
	// The server's message quotes the unknown scope, here the client's own key pasted into the wrong field.
	_, err := tn.client.Keys.Create(ctx, portcullis.NewKey{Name: "pasted", Scopes: []string{tn.adminKey}})
	refused := refusal(t, err, 400, "VALIDATION_FAILED")
	equal(t, refused.Field, "scopes", "field")
	for _, text := range []string{err.Error(), fmt.Sprintf("%v %+v %#v", err, refused, refused), refused.Message} {
		if strings.Contains(text, tn.adminKey) {
			t.Fatalf("the key shows in %q", text)
		}
	}
	if !strings.Contains(refused.Message, "[REDACTED]") {
		t.Fatalf("message %q", refused.Message)
	}
}

func TestTheClientAndACreatedKeyDoNotShowTheSecret(t *testing.T) {
	tn := newTenant(t)
	created := tn.key(portcullis.NewKey{})
	if !strings.HasPrefix(string(created.Key), "sk_live_") {
		t.Fatalf("no secret in %s", created.ID)
	}
	for _, text := range []string{fmt.Sprintf("%v %+v %#v %s", created, created, created, created.Key),
		fmt.Sprintf("%v %+v %#v", tn.client, tn.client, tn.client)} {
		if strings.Contains(text, string(created.Key)) || strings.Contains(text, tn.adminKey) {
			t.Fatalf("a secret shows in %q", text)
		}
	}
}

// Both documented bodies, parsed as received (the server under test speaks one style only).

func TestTheAudiModalBodyNestsTheCode(t *testing.T) {
	e := portcullis.ParseError(429, http.Header{"Retry-After": {"60"}}, []byte(
		`{"error":{"code":"RATE_LIMIT_EXCEEDED","message":"API rate limit exceeded","retry_after":60,"request_id":"req_1"}}`))
	equal(t, fmt.Sprint(e.Code, e.Message, e.RetryAfter, e.RequestID), fmt.Sprint("RATE_LIMIT_EXCEEDED", "API rate limit exceeded", 60, "req_1"), "error")
}

func TestTheMedTWINBodyIsFlatWithALowerCaseCode(t *testing.T) {
	e := portcullis.ParseError(429, http.Header{"Retry-After": {"30"}}, []byte(
		`{"error":"rate_limit_exceeded","message":"Too many requests. Retry after 30 seconds.","retry_after":30}`))
	equal(t, e.Code, "RATE_LIMIT_EXCEEDED", "code")
	equal(t, e.RetryAfter, 30, "retry after")
}

func TestMedTWIN401And403CarryNoFinerCodeButKeepTheirFields(t *testing.T) {
	forbidden := portcullis.ParseError(403, http.Header{"X-Request-Id": {"req_2"}}, []byte(
		`{"error":"forbidden","message":"no","required_role":"admin"}`))
	equal(t, fmt.Sprint(forbidden.Code, forbidden.RequiredRole, forbidden.RequestID), fmt.Sprint("FORBIDDEN", "admin", "req_2"), "error")
	unauthorized := portcullis.ParseError(401, http.Header{}, []byte(`{"error":"unauthorized","message":"Invalid or missing API key"}`))
	equal(t, unauthorized.Code, "UNAUTHORIZED", "code")
}

func TestOtherFieldsAreKept(t *testing.T) {
	e := portcullis.ParseError(413, http.Header{}, []byte(`{"error":{"code":"PAYLOAD_TOO_LARGE","message":"big","max_bytes":65536}}`))
	equal(t, fmt.Sprint(e.Details), "map[max_bytes:65536]", "details")
}
