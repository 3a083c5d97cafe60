package portcullis_test

import (
	"errors"
	"testing"
	"time"

	"portcullis.dev/portcullis"
)

func TestHealthWithAKeyNamesItsTenant(t *testing.T) {
	tn := newTenant(t)
	health, err := tn.client.Health(ctx)
	must(t, err)
	equal(t, health.TenantID, tn.id, "tenant")
}

func TestABaseURLWithATrailingSlashIsTheSame(t *testing.T) {
	tn := newTenant(t)
	health, err := portcullis.NewClient(tn.adminKey, baseURL+"/").Health(ctx)
	must(t, err)
	equal(t, health.TenantID, tn.id, "tenant")
}

func TestACreatedKeyWorksKeepsWorkingDuringItsGraceAfterARollAndIsRefusedOnceRevoked(t *testing.T) {
	tn := newTenant(t)
	created := tn.key(portcullis.NewKey{})
	old := portcullis.NewClient(string(created.Key), baseURL)
	health, err := old.Health(ctx)
	must(t, err)
	equal(t, health.TenantID, tn.id, "tenant")

	rolled, err := tn.client.Keys.Roll(ctx, created.ID, 10*time.Minute)
	must(t, err)
	renewed := portcullis.NewClient(string(rolled.Key), baseURL)
	if rolled.Key == created.Key || rolled.ID != created.ID || rolled.PreviousKeyValidUntil == nil {
		t.Fatalf("not a roll of %s: %+v", created.ID, rolled)
	}
	_, err = old.Health(ctx)
	must(t, err) // the old secret works during the grace period
	_, err = renewed.Health(ctx)
	must(t, err)

	must(t, tn.client.Keys.Revoke(ctx, created.ID))
	for _, revoked := range []*portcullis.Client{renewed, old} {
		_, err := revoked.Health(ctx)
		var refused *portcullis.Error
		if !errors.As(err, &refused) || refused.Status != 401 || refused.Code != "INVALID_API_KEY" {
			t.Fatalf("want 401 INVALID_API_KEY, got %v", err)
		}
	}
	key, err := tn.client.Keys.Get(ctx, created.ID)
	must(t, err)
	equal(t, key.Status, "revoked", "status")
}

func TestUpdateChangesAKey(t *testing.T) {
	tn := newTenant(t)
	created := tn.key(portcullis.NewKey{})
	updated, err := tn.client.Keys.Update(ctx, created.ID, portcullis.KeyChange{
		Name: portcullis.Ptr("renamed"), RateLimit: &portcullis.RateLimit{PerMinute: portcullis.Ptr[int64](5)}})
	must(t, err)
	equal(t, updated.Name, "renamed", "name")
	equal(t, *updated.RateLimit.PerMinute, 5, "per_minute")
}

func TestListFollowsNextCursorOverEveryPage(t *testing.T) {
	tn := newTenant(t)
	created := map[string]bool{}
	for i := 0; i < 5; i++ {
		created[tn.key(portcullis.NewKey{}).ID] = true
	}
	keys, err := tn.client.Keys.List(ctx, &portcullis.ListOptions{Limit: 2}).All()
	must(t, err)
	equal(t, len(keys), 6, "five keys and the tenant's admin key, two per page")
	listed := map[string]bool{}
	for _, key := range keys {
		listed[key.ID] = true
	}
	equal(t, len(listed), 6, "distinct keys")
	for id := range created {
		if !listed[id] {
			t.Fatalf("%s not listed", id)
		}
	}
}

func TestVerifyKeySaysWhomALiveKeyIsForAndWhereItsLimitsStandAndInvalidOnceItIsRevoked(t *testing.T) {
	tn := newTenant(t)
	externalID := "customer " + random()
	member := tn.key(portcullis.NewKey{ExternalID: externalID, RateLimit: &portcullis.RateLimit{PerMinute: portcullis.Ptr[int64](10)},
		Credits: &portcullis.Credits{Remaining: 5}})
	verdict, err := tn.client.VerifyKey(ctx, string(member.Key), "203.0.113.7")
	must(t, err)
	if !verdict.Valid || verdict.KeyID != member.ID || verdict.TenantID != tn.id || verdict.Role != "member" {
		t.Fatalf("want a valid verdict for %s, got %+v", member.ID, verdict)
	}
	equal(t, verdict.ExternalID, externalID, "external id")
	if verdict.Credits == nil || verdict.Credits.Remaining != 4 || verdict.Credits.RefillAt != nil {
		t.Fatalf("want 4 credits left and no refill after the verify's charge, got %+v", verdict.Credits)
	}
	var minute *portcullis.LimitStatus
	for i, limit := range verdict.Limits {
		if limit.Name == "minute" {
			minute = &verdict.Limits[i]
		}
	}
	if minute == nil || minute.Limit != 10 || minute.Remaining != 9 || minute.Reset == 0 {
		t.Fatalf("want the minute limit at 9 of 10 after the verify's charge, got %+v", verdict.Limits)
	}

	must(t, tn.client.Keys.Revoke(ctx, member.ID))
	verdict, err = tn.client.VerifyKey(ctx, string(member.Key), "203.0.113.7")
	must(t, err)
	if verdict.Valid || verdict.Code != "INVALID_API_KEY" {
		t.Fatalf("want an INVALID_API_KEY verdict, got %+v", verdict)
	}
}

func TestVerifyKeyForSaysARouteRestrictedKeyIsValidOnlyForTheMethodAndPathOfItsRoutes(t *testing.T) {
	tn := newTenant(t)
	rubrics, err := tn.client.Keys.Create(ctx, portcullis.NewKey{Name: "rubrics " + random(), Role: "member",
		AllowedRoutes: []string{"GET /v1/rubrics/**"}})
	must(t, err)
	if len(rubrics.AllowedRoutes) != 1 || rubrics.AllowedRoutes[0] != "GET /v1/rubrics/**" {
		t.Fatalf("want the created key's allowed routes [GET /v1/rubrics/**], got %q", rubrics.AllowedRoutes)
	}

	verdict, err := tn.client.VerifyKeyFor(ctx, string(rubrics.Key), "", "GET", "/v1/rubrics/7")
	must(t, err)
	if !verdict.Valid || verdict.KeyID != rubrics.ID {
		t.Fatalf("want a valid verdict for %s on GET /v1/rubrics/7, got %+v", rubrics.ID, verdict)
	}

	verdict, err = tn.client.VerifyKeyFor(ctx, string(rubrics.Key), "", "POST", "/v1/rubrics/7")
	must(t, err)
	if verdict.Valid || verdict.Code != "INSUFFICIENT_PERMISSIONS" {
		t.Fatalf("want an INSUFFICIENT_PERMISSIONS verdict on POST /v1/rubrics/7, got %+v", verdict)
	}

	verdict, err = tn.client.VerifyKey(ctx, string(rubrics.Key), "")
	must(t, err)
	if verdict.Valid || verdict.Code != "INSUFFICIENT_PERMISSIONS" {
		t.Fatalf("want an INSUFFICIENT_PERMISSIONS verdict without a method and path, got %+v", verdict)
	}
}

func TestAPlatformAdminActsForATenantItCreates(t *testing.T) {
	platform := admin()
	health, err := platform.Health(ctx)
	must(t, err)
	equal(t, health.TenantID, "tenant_platform", "tenant")
	created, err := platform.Tenants.Create(ctx, portcullis.NewTenant{Name: "acting for", Plan: "standard"})
	must(t, err)
	renamed, err := platform.Tenants.Update(ctx, created.ID, portcullis.TenantChange{Name: portcullis.Ptr("renamed")})
	must(t, err)
	equal(t, renamed.Name, "renamed", "name")
	acting := platform.ForTenant(created.ID)
	_, err = acting.Users.Create(ctx, portcullis.NewUser{Email: "someone@example.com", Password: "a long passphrase"})
	must(t, err)
	users, err := acting.Users.List(ctx, nil).All()
	must(t, err)
	equal(t, len(users), 1, "users")
	equal(t, users[0].Email, "someone@example.com", "email")
	ips, err := acting.Allowlist.Set(ctx, []string{"10.0.0.0/8"})
	must(t, err)
	equal(t, len(ips), 1, "allowed ips")
	ips, err = acting.Allowlist.Get(ctx)
	must(t, err)
	equal(t, ips[0], "10.0.0.0/8", "allowed ip")
	must(t, acting.Allowlist.Clear(ctx))
	ips, err = acting.Allowlist.Get(ctx)
	must(t, err)
	equal(t, len(ips), 0, "allowed ips after clearing")
}

func TestPlansAndUsageAreRead(t *testing.T) {
	tn := newTenant(t)
	plan, err := tn.client.Plans.Get(ctx, "standard")
	must(t, err)
	equal(t, plan.PerMinute, 60, "per_minute")
	plans, err := tn.client.Plans.List(ctx)
	must(t, err)
	if len(plans) < 3 {
		t.Fatalf("want free, standard and enterprise at least, got %+v", plans)
	}
	usage, err := tn.client.Usage(ctx, "", "")
	must(t, err)
	equal(t, usage.TenantID, tn.id, "tenant")
}
