package portcullis

import "time"

// Secret is a key or token. Printed with fmt in any verb it shows "[REDACTED]"; string(s) is its value.
type Secret string

func (s Secret) String() string {
	if s == "" {
		return ""
	}
	return redacted
}

func (s Secret) GoString() string { return `"` + s.String() + `"` }

// Ptr is a pointer to v, for the optional fields of changes: KeyChange{Name: portcullis.Ptr("new")}.
func Ptr[T any](v T) *T { return &v }

type Health struct {
	Status  string `json:"status"`
	Service string `json:"service"`
	Version string `json:"version"`
	// TenantID is the credential's tenant; empty without a credential.
	TenantID  string `json:"tenant_id"`
	Timestamp string `json:"timestamp"`
}

// RateLimit is a key's or tenant's own limits; nil numbers mean the plan's.
type RateLimit struct {
	PerMinute *int64 `json:"per_minute,omitempty"`
	PerDay    *int64 `json:"per_day,omitempty"`
}

type Key struct {
	ID string `json:"id"`
	// Key is the secret: only in the answers of Create and Roll.
	Key         Secret `json:"key,omitempty"`
	TenantID    string `json:"tenant_id"`
	Name        string `json:"name"`
	Type        string `json:"type"`
	Environment string `json:"environment"`
	Role        string `json:"role"`
	Prefix      string `json:"prefix"`
	Last4       string `json:"last4"`
	Status      string `json:"status"`
	// Enabled false: the key is refused with 403 KEY_DISABLED until it is enabled again.
	Enabled    bool     `json:"enabled"`
	Scopes     []string `json:"scopes"`
	AllowedIPs []string `json:"allowed_ips"`
	// AllowedRoutes are the routes the key may call ("GET /v1/rubrics/**"); empty: no restriction.
	AllowedRoutes         []string       `json:"allowed_routes"`
	ExpiresAt             *time.Time     `json:"expires_at,omitempty"`
	PreviousKeyValidUntil *time.Time     `json:"previous_key_valid_until,omitempty"`
	ExternalID            string         `json:"external_id,omitempty"`
	IdentityID            string         `json:"identity_id,omitempty"`
	Meta                  map[string]any `json:"meta,omitempty"`
	RateLimit             *RateLimit     `json:"rate_limit,omitempty"`
	RateLimits            []NamedLimit   `json:"rate_limits"`
	// Credits is nil for a key not metered by credits; Remaining is what remains now.
	Credits    *Credits   `json:"credits,omitempty"`
	LastUsedAt *time.Time `json:"last_used_at,omitempty"`
	RevokedAt  *time.Time `json:"revoked_at,omitempty"`
	CreatedAt  time.Time  `json:"created_at"`
}

// NamedLimit is a limit of its own name over Duration (ISO-8601, 1 s to 31 days: "PT1H"), spent by the
// requests that ask for it.
type NamedLimit struct {
	Name     string `json:"name"`
	Limit    int64  `json:"limit"`
	Duration string `json:"duration"`
}

// Credits are the uses a key may make, each admitted request spending its cost; out of credits is 402
// USAGE_EXCEEDED. Refill nil: never refilled.
type Credits struct {
	Remaining int64          `json:"remaining"`
	Refill    *CreditsRefill `json:"refill,omitempty"`
}

// CreditsRefill sets the credits back to Amount at 00:00 UTC every day (Interval "daily") or on
// DayOfMonth of every month ("monthly"; 0 means the 1st).
type CreditsRefill struct {
	Interval   string `json:"interval"`
	Amount     int64  `json:"amount"`
	DayOfMonth int    `json:"day_of_month,omitempty"`
}

type NewKey struct {
	Name        string       `json:"name"`
	Environment string       `json:"environment,omitempty"`
	Role        string       `json:"role,omitempty"`
	Type        string       `json:"type,omitempty"`
	Scopes      []string     `json:"scopes,omitempty"`
	ExpiresAt   *time.Time   `json:"expires_at,omitempty"`
	AllowedIPs  []string     `json:"allowed_ips,omitempty"`
	RateLimit   *RateLimit   `json:"rate_limit,omitempty"`
	Credits     *Credits     `json:"credits,omitempty"`
	RateLimits  []NamedLimit `json:"rate_limits,omitempty"`
	// AllowedRoutes restricts the key to these routes, each a method (or "*") and a path whose segments
	// may be "*" or end in "**": "GET /v1/rubrics/**".
	AllowedRoutes []string       `json:"allowed_routes,omitempty"`
	Meta          map[string]any `json:"meta,omitempty"`
	ExternalID    string         `json:"external_id,omitempty"`
	// IdentityID is an identity of the key's environment, whose limits the key shares.
	IdentityID string `json:"identity_id,omitempty"`
}

// KeyChange changes the fields that are not nil; an empty list removes the restriction. Meta, when
// not empty, replaces the key's; IdentityID Ptr("") takes the key out of its identity.
type KeyChange struct {
	Name          *string        `json:"name,omitempty"`
	Scopes        *[]string      `json:"scopes,omitempty"`
	ExpiresAt     *time.Time     `json:"expires_at,omitempty"`
	AllowedIPs    *[]string      `json:"allowed_ips,omitempty"`
	RateLimit     *RateLimit     `json:"rate_limit,omitempty"`
	Enabled       *bool          `json:"enabled,omitempty"`
	Credits       *Credits       `json:"credits,omitempty"`
	RateLimits    *[]NamedLimit  `json:"rate_limits,omitempty"`
	AllowedRoutes *[]string      `json:"allowed_routes,omitempty"`
	Meta          map[string]any `json:"meta,omitempty"`
	ExternalID    *string        `json:"external_id,omitempty"`
	IdentityID    *string        `json:"identity_id,omitempty"`
}

// KeyVerdict is the answer to VerifyKey: who the key is, or why it is refused (Code, Message, RetryAfter).
// RateLimit, Credits and Limits stand after this charge; a refused verdict carries them only when the key's
// limits refused it.
type KeyVerdict struct {
	Valid       bool     `json:"valid"`
	Code        string   `json:"code,omitempty"`
	Message     string   `json:"message,omitempty"`
	RetryAfter  int      `json:"retry_after,omitempty"`
	KeyID       string   `json:"key_id,omitempty"`
	TenantID    string   `json:"tenant_id,omitempty"`
	Type        string   `json:"type,omitempty"`
	Role        string   `json:"role,omitempty"`
	Scopes      []string `json:"scopes,omitempty"`
	Environment string   `json:"environment,omitempty"`
	// ExternalID, IdentityID and Meta are the key's: whom it is for.
	ExternalID string           `json:"external_id,omitempty"`
	IdentityID string           `json:"identity_id,omitempty"`
	Meta       map[string]any   `json:"meta,omitempty"`
	RateLimit  *RateLimitStatus `json:"rate_limit,omitempty"`
	// Credits is nil for a key not metered by credits.
	Credits *CreditsStatus `json:"credits,omitempty"`
	// Limits are each limit the request was charged to: "minute", "day", named limits, the identity's.
	Limits []LimitStatus `json:"limits,omitempty"`
}

// RateLimitStatus is the window closest to exhaustion; Reset is in epoch seconds.
type RateLimitStatus struct {
	Limit     int64 `json:"limit"`
	Remaining int64 `json:"remaining"`
	Reset     int64 `json:"reset"`
}

// CreditsStatus is what remains of a key's credits; RefillAt is the next refill in epoch seconds, nil: never.
type CreditsStatus struct {
	Remaining int64  `json:"remaining"`
	RefillAt  *int64 `json:"refill_at,omitempty"`
}

// LimitStatus is where one limit stands after a charge; Reset is in epoch seconds.
type LimitStatus struct {
	Name      string `json:"name"`
	Limit     int64  `json:"limit"`
	Remaining int64  `json:"remaining"`
	Reset     int64  `json:"reset"`
}

type User struct {
	ID          string    `json:"id"`
	Email       string    `json:"email"`
	Role        string    `json:"role"`
	TenantID    string    `json:"tenant_id"`
	Environment string    `json:"environment"`
	Disabled    bool      `json:"disabled"`
	CreatedAt   time.Time `json:"created_at"`
	UpdatedAt   time.Time `json:"updated_at"`
}

type NewUser struct {
	Email    string `json:"email"`
	Password string `json:"password"`
	Role     string `json:"role,omitempty"`
}

// UserChange changes the fields that are not nil. Disabling or a new password ends the user's sessions.
type UserChange struct {
	Role     *string `json:"role,omitempty"`
	Disabled *bool   `json:"disabled,omitempty"`
	Password *string `json:"password,omitempty"`
}

// SessionUser is the user a session acts as.
type SessionUser struct {
	ID       string `json:"id"`
	Email    string `json:"email"`
	Role     string `json:"role"`
	TenantID string `json:"tenant_id"`
}

type Tenant struct {
	ID        string     `json:"id"`
	Name      string     `json:"name"`
	Plan      string     `json:"plan"`
	Status    string     `json:"status"`
	RateLimit *RateLimit `json:"rate_limit,omitempty"`
	CreatedAt time.Time  `json:"created_at"`
	UpdatedAt time.Time  `json:"updated_at"`
}

type NewTenant struct {
	Name      string     `json:"name"`
	Plan      string     `json:"plan,omitempty"`
	RateLimit *RateLimit `json:"rate_limit,omitempty"`
}

// TenantChange changes the fields that are not nil; Status is "active" or "suspended".
type TenantChange struct {
	Name      *string    `json:"name,omitempty"`
	Plan      *string    `json:"plan,omitempty"`
	Status    *string    `json:"status,omitempty"`
	RateLimit *RateLimit `json:"rate_limit,omitempty"`
}

type Plan struct {
	Name      string `json:"name"`
	PerMinute int64  `json:"per_minute"`
	PerDay    int64  `json:"per_day"`
}

type PlanChange struct {
	PerMinute *int64 `json:"per_minute,omitempty"`
	PerDay    *int64 `json:"per_day,omitempty"`
}

// Usage is requests allowed and refused per subject (key or user) per UTC day.
type Usage struct {
	TenantID string `json:"tenant_id"`
	From     string `json:"from"`
	To       string `json:"to"`
	Data     []struct {
		SubjectID   string `json:"subject_id"`
		SubjectType string `json:"subject_type"`
		Day         string `json:"day"`
		Allowed     int64  `json:"allowed"`
		Refused     int64  `json:"refused"`
	} `json:"data"`
}

type tokens struct {
	AccessToken  string      `json:"access_token"`
	RefreshToken string      `json:"refresh_token"`
	ExpiresIn    int64       `json:"expires_in"`
	User         SessionUser `json:"user"`
}

type page[T any] struct {
	Data       []T    `json:"data"`
	NextCursor string `json:"next_cursor"`
}
