package portcullis

import (
	"context"
	"net/http"
	"time"
)

// KeysService manages the API keys of the tenant the client acts for.
type KeysService struct{ c *Client }

// Create issues a key; its Key field is the secret, shown this once.
func (s *KeysService) Create(ctx context.Context, key NewKey) (*Key, error) {
	var created Key
	return answer(s.c.Request(ctx, http.MethodPost, "/keys", key, &created), &created)
}

// List goes through every key, fetching options.Limit per page.
func (s *KeysService) List(ctx context.Context, options *ListOptions) *Iterator[Key] {
	return list[Key](ctx, s.c, "/keys", options)
}

func (s *KeysService) Get(ctx context.Context, id string) (*Key, error) {
	var key Key
	return answer(s.c.Request(ctx, http.MethodGet, "/keys/"+escaped(id), nil, &key), &key)
}

func (s *KeysService) Update(ctx context.Context, id string, change KeyChange) (*Key, error) {
	var key Key
	return answer(s.c.Request(ctx, http.MethodPatch, "/keys/"+escaped(id), change, &key), &key)
}

// Roll gives the key a new secret (in Key of the answer); the old one keeps working for grace (whole seconds, up to 7 days).
func (s *KeysService) Roll(ctx context.Context, id string, grace time.Duration) (*Key, error) {
	var key Key
	body := map[string]int64{"grace_period_seconds": int64(grace / time.Second)}
	return answer(s.c.Request(ctx, http.MethodPost, "/keys/"+escaped(id)+"/roll", body, &key), &key)
}

// Revoke: the key's current and previous secret are refused from the next request on.
func (s *KeysService) Revoke(ctx context.Context, id string) error {
	return s.c.Request(ctx, http.MethodDelete, "/keys/"+escaped(id), nil, nil)
}

// UsersService manages the users of the tenant the client acts for.
type UsersService struct{ c *Client }

func (s *UsersService) Create(ctx context.Context, user NewUser) (*User, error) {
	var created User
	return answer(s.c.Request(ctx, http.MethodPost, "/users", user, &created), &created)
}

func (s *UsersService) List(ctx context.Context, options *ListOptions) *Iterator[User] {
	return list[User](ctx, s.c, "/users", options)
}

func (s *UsersService) Get(ctx context.Context, id string) (*User, error) {
	var user User
	return answer(s.c.Request(ctx, http.MethodGet, "/users/"+escaped(id), nil, &user), &user)
}

func (s *UsersService) Update(ctx context.Context, id string, change UserChange) (*User, error) {
	var user User
	return answer(s.c.Request(ctx, http.MethodPatch, "/users/"+escaped(id), change, &user), &user)
}

func (s *UsersService) Delete(ctx context.Context, id string) error {
	return s.c.Request(ctx, http.MethodDelete, "/users/"+escaped(id), nil, nil)
}

// TenantsService: a platform admin manages every tenant; anyone else sees only their own.
type TenantsService struct{ c *Client }

func (s *TenantsService) Create(ctx context.Context, tenant NewTenant) (*Tenant, error) {
	var created Tenant
	return answer(s.c.Request(ctx, http.MethodPost, "/tenants", tenant, &created), &created)
}

func (s *TenantsService) List(ctx context.Context, options *ListOptions) *Iterator[Tenant] {
	return list[Tenant](ctx, s.c, "/tenants", options)
}

func (s *TenantsService) Get(ctx context.Context, id string) (*Tenant, error) {
	var tenant Tenant
	return answer(s.c.Request(ctx, http.MethodGet, "/tenants/"+escaped(id), nil, &tenant), &tenant)
}

func (s *TenantsService) Update(ctx context.Context, id string, change TenantChange) (*Tenant, error) {
	var tenant Tenant
	return answer(s.c.Request(ctx, http.MethodPatch, "/tenants/"+escaped(id), change, &tenant), &tenant)
}

// AllowlistService is the tenant-wide IP allowlist (/auth/ip-allowlist).
type AllowlistService struct{ c *Client }

type allowedIPs struct {
	AllowedIPs []string `json:"allowed_ips"`
}

func (s *AllowlistService) Get(ctx context.Context) ([]string, error) {
	var list allowedIPs
	err := s.c.Request(ctx, http.MethodGet, "/auth/ip-allowlist", nil, &list)
	return list.AllowedIPs, err
}

// Set replaces the list (addresses and CIDRs); the next request is checked against it.
func (s *AllowlistService) Set(ctx context.Context, ips []string) ([]string, error) {
	var list allowedIPs
	err := s.c.Request(ctx, http.MethodPost, "/auth/ip-allowlist", allowedIPs{AllowedIPs: ips}, &list)
	return list.AllowedIPs, err
}

func (s *AllowlistService) Clear(ctx context.Context) error {
	return s.c.Request(ctx, http.MethodDelete, "/auth/ip-allowlist", nil, nil)
}

// PlansService: anyone reads the plans; platform admins create and change them.
type PlansService struct{ c *Client }

func (s *PlansService) List(ctx context.Context) ([]Plan, error) {
	var plans struct {
		Data []Plan `json:"data"`
	}
	err := s.c.Request(ctx, http.MethodGet, "/plans", nil, &plans)
	return plans.Data, err
}

func (s *PlansService) Get(ctx context.Context, name string) (*Plan, error) {
	var plan Plan
	return answer(s.c.Request(ctx, http.MethodGet, "/plans/"+escaped(name), nil, &plan), &plan)
}

func (s *PlansService) Create(ctx context.Context, plan Plan) (*Plan, error) {
	var created Plan
	return answer(s.c.Request(ctx, http.MethodPost, "/plans", plan, &created), &created)
}

func (s *PlansService) Update(ctx context.Context, name string, change PlanChange) (*Plan, error) {
	var plan Plan
	return answer(s.c.Request(ctx, http.MethodPatch, "/plans/"+escaped(name), change, &plan), &plan)
}
