package portcullis_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"portcullis.dev/portcullis"
)

func limitedKey(t *testing.T) (tenantID, key string) {
	tn := newTenant(t)
	perMinute := int64(60)
	return tn.id, string(tn.key(portcullis.NewKey{RateLimit: &portcullis.RateLimit{PerMinute: &perMinute}}).Key)
}

// exhaust calls until the key is refused; the 60 of a minute go in a burst, so that is after about 60.
func exhaust(t *testing.T, key string) *portcullis.Error {
	t.Helper()
	client := portcullis.NewClient(key, baseURL)
	for sent := 1; sent < 200; sent++ {
		_, err := client.Health(ctx)
		var refused *portcullis.Error
		if errors.As(err, &refused) && refused.Status == 429 {
			if sent <= 60 {
				t.Fatalf("refused after %d", sent)
			}
			return refused
		}
		must(t, err)
	}
	t.Fatal("never refused")
	return nil
}

func TestWithoutRetryThe429IsReturnedAtOnceWithRetryAfter(t *testing.T) {
	_, key := limitedKey(t)
	refused := exhaust(t, key)
	equal(t, refused.Code, "RATE_LIMIT_EXCEEDED", "code")
	equal(t, refused.RetryAfter, 1, "retry after")
}

func TestWithRetryTheClientWaitsRetryAfterAndSucceeds(t *testing.T) {
	tenantID, key := limitedKey(t)
	var waits []time.Duration
	retrying := portcullis.NewClient(key, baseURL, portcullis.WithRateLimitRetry(3, time.Minute),
		portcullis.WithSleep(func(_ context.Context, d time.Duration) error {
			waits = append(waits, d)
			advanceServerClock(t, int64(d/time.Second))
			return nil
		}))
	exhaust(t, key)
	health, err := retrying.Health(ctx)
	must(t, err)
	equal(t, health.TenantID, tenantID, "tenant")
	equal(t, len(waits), 1, "waits")
	equal(t, waits[0], time.Second, "wait")
}

func TestRetriesStopAfterMaxRetries(t *testing.T) {
	_, key := limitedKey(t)
	var waits []time.Duration
	// No time passes while "sleeping", so every attempt is refused.
	retrying := portcullis.NewClient(key, baseURL, portcullis.WithRateLimitRetry(2, time.Minute),
		portcullis.WithSleep(func(_ context.Context, d time.Duration) error { waits = append(waits, d); return nil }))
	exhaust(t, key)
	_, err := retrying.Health(ctx)
	refusal(t, err, 429, "RATE_LIMIT_EXCEEDED")
	equal(t, len(waits), 2, "waits")
}

func TestNoRetryWhenRetryAfterExceedsTheWaitAllowed(t *testing.T) {
	_, key := limitedKey(t)
	var waits []time.Duration
	retrying := portcullis.NewClient(key, baseURL, portcullis.WithRateLimitRetry(3, 500*time.Millisecond),
		portcullis.WithSleep(func(_ context.Context, d time.Duration) error { waits = append(waits, d); return nil }))
	exhaust(t, key)
	_, err := retrying.Health(ctx)
	refusal(t, err, 429, "RATE_LIMIT_EXCEEDED")
	equal(t, len(waits), 0, "waits")
}
