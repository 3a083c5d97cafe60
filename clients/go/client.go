// Package portcullis is a client for the Portcullis API: API keys, sessions, tenants, rate limits.
// It uses net/http only.
package portcullis

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"
)

// Version of this client, sent in the User-Agent.
const Version = "0.1.0"

const userAgent = "portcullis-go/" + Version

// Option configures a Client.
type Option func(*connection)

// WithHTTPClient sends requests with this client instead of one with a 30 s timeout.
func WithHTTPClient(client *http.Client) Option {
	return func(c *connection) { c.http = client }
}

// WithTimeout sets the timeout of each request (default 30 s).
func WithTimeout(timeout time.Duration) Option {
	return func(c *connection) { c.http = &http.Client{Timeout: timeout} }
}

// WithRateLimitRetry makes a 429 wait for Retry-After and try again, at most maxRetries times and
// only while the waits add up to no more than maxWait. Without it a 429 is returned at once.
func WithRateLimitRetry(maxRetries int, maxWait time.Duration) Option {
	return func(c *connection) {
		c.maxRetries = maxRetries
		c.maxRetryWait = maxWait
	}
}

// WithSleep replaces how the client waits before a retry (for tests).
func WithSleep(sleep func(ctx context.Context, d time.Duration) error) Option {
	return func(c *connection) { c.sleep = sleep }
}

// WithClock replaces the clock that tells when a session's access token is about to expire (for tests).
func WithClock(now func() time.Time) Option {
	return func(c *connection) { c.now = now }
}

// connection is where and how to send requests; shared by a client, its sessions and its ForTenant copies.
type connection struct {
	baseURL      string
	http         *http.Client
	maxRetries   int
	maxRetryWait time.Duration
	sleep        func(ctx context.Context, d time.Duration) error
	now          func() time.Time
}

func sleepWithContext(ctx context.Context, d time.Duration) error {
	timer := time.NewTimer(d)
	defer timer.Stop()
	select {
	case <-timer.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

type call struct {
	method   string
	path     string
	query    url.Values
	body     any
	bearer   string
	tenantID string
	secrets  []string
}

// send sends one request, retried on 429 as configured, and decodes the answer into out (if not nil).
func (c *connection) send(ctx context.Context, r call, out any) error {
	var waited time.Duration
	for attempt := 0; ; attempt++ {
		err := c.sendOnce(ctx, r, out)
		var refused *Error
		if !errors.As(err, &refused) || refused.Status != http.StatusTooManyRequests {
			return err
		}
		delay := time.Duration(refused.RetryAfter) * time.Second
		if refused.RetryAfter == 0 {
			delay = time.Second
		}
		if attempt >= c.maxRetries || waited+delay > c.maxRetryWait {
			return err
		}
		// A 429 is decided before anything is done, so even a POST is safe to send again.
		if err := c.sleep(ctx, delay); err != nil {
			return err
		}
		waited += delay
	}
}

func (c *connection) sendOnce(ctx context.Context, r call, out any) error {
	target := c.baseURL + r.path
	if len(r.query) > 0 {
		target += "?" + r.query.Encode()
	}
	var body io.Reader
	if r.body != nil {
		encoded, err := json.Marshal(r.body)
		if err != nil {
			return fmt.Errorf("portcullis: encoding the request: %w", err)
		}
		body = bytes.NewReader(encoded)
	}
	request, err := http.NewRequestWithContext(ctx, r.method, target, body)
	if err != nil {
		return fmt.Errorf("portcullis: %w", err)
	}
	request.Header.Set("Accept", "application/json")
	request.Header.Set("User-Agent", userAgent)
	if r.body != nil {
		request.Header.Set("Content-Type", "application/json")
	}
	if r.bearer != "" {
		request.Header.Set("Authorization", "Bearer "+r.bearer)
	}
	if r.tenantID != "" {
		request.Header.Set("X-Tenant-ID", r.tenantID)
	}
	response, err := c.http.Do(request)
	if err != nil {
		return fmt.Errorf("portcullis: %s %s: %s", r.method, r.path, redact(err.Error(), r.secrets))
	}
	defer response.Body.Close()
	content, err := io.ReadAll(response.Body)
	if err != nil {
		return fmt.Errorf("portcullis: %s %s: reading the answer: %s", r.method, r.path, redact(err.Error(), r.secrets))
	}
	if response.StatusCode >= 400 {
		return parseError(response.StatusCode, response.Header, content, r.secrets)
	}
	if out == nil || len(content) == 0 {
		return nil
	}
	if err := json.Unmarshal(content, out); err != nil {
		return fmt.Errorf("portcullis: %s %s: decoding the answer: %w", r.method, r.path, err)
	}
	return nil
}

type credential interface {
	bearer(ctx context.Context) (string, error)
	secrets() []string
}

type keyCredential Secret

func (k keyCredential) bearer(context.Context) (string, error) { return string(k), nil }
func (k keyCredential) secrets() []string                      { return []string{string(k)} }

// session holds the tokens of one login. It refreshes once per expiry, whoever asks, and forgets
// the tokens when the refresh token is refused.
type session struct {
	conn *connection
	// mu is held during a refresh, so concurrent callers wait for it and use its token: a refresh
	// token spent twice revokes the whole session on the server.
	mu           sync.Mutex
	accessToken  string
	refreshToken string
	refreshAt    time.Time
	user         SessionUser
}

func (s *session) accept(t tokens) {
	s.accessToken = t.AccessToken
	s.refreshToken = t.RefreshToken
	lifetime := time.Duration(t.ExpiresIn) * time.Second
	// Refresh a little before the server would refuse the token, so no request is spent on the refusal.
	margin := 30 * time.Second
	if lifetime/2 < margin {
		margin = lifetime / 2
	}
	s.refreshAt = s.conn.now().Add(lifetime - margin)
	s.user = t.User
}

func (s *session) bearer(ctx context.Context) (string, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.accessToken == "" {
		return "", ErrSessionEnded
	}
	if !s.conn.now().Before(s.refreshAt) {
		if err := s.refresh(ctx); err != nil {
			return "", err
		}
	}
	return s.accessToken, nil
}

// refreshAfter refreshes after a TOKEN_EXPIRED for refused, unless another caller already has.
func (s *session) refreshAfter(ctx context.Context, refused string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.accessToken == "" {
		return ErrSessionEnded
	}
	if s.accessToken != refused {
		return nil
	}
	return s.refresh(ctx)
}

// refresh is called with mu held.
func (s *session) refresh(ctx context.Context) error {
	var t tokens
	err := s.conn.send(ctx, call{method: http.MethodPost, path: "/auth/refresh",
		body: map[string]string{"refresh_token": s.refreshToken}, secrets: s.secretsLocked()}, &t)
	if unauthorized(err) {
		s.end()
	}
	if err != nil {
		return err
	}
	s.accept(t)
	return nil
}

func (s *session) end() {
	s.accessToken = ""
	s.refreshToken = ""
}

func (s *session) current() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.accessToken
}

func (s *session) secrets() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.secretsLocked()
}

func (s *session) secretsLocked() []string { return []string{s.accessToken, s.refreshToken} }

// Client calls the Portcullis API with an API key, or with a session after Login. It is safe for
// concurrent use.
type Client struct {
	conn     *connection
	cred     credential
	tenantID string

	Keys      *KeysService
	Users     *UsersService
	Tenants   *TenantsService
	Allowlist *AllowlistService
	Plans     *PlansService
}

// NewClient makes a client acting with apiKey (empty for one that only logs in). baseURL includes
// /v1, with or without a trailing slash, e.g. https://api.example.com/v1.
func NewClient(apiKey, baseURL string, options ...Option) *Client {
	conn := &connection{
		baseURL: strings.TrimRight(baseURL, "/"),
		http:    &http.Client{Timeout: 30 * time.Second},
		sleep:   sleepWithContext,
		now:     time.Now,
	}
	for _, option := range options {
		option(conn)
	}
	var cred credential
	if apiKey != "" {
		cred = keyCredential(apiKey)
	}
	return sharing(conn, cred, "")
}

func sharing(conn *connection, cred credential, tenantID string) *Client {
	c := &Client{conn: conn, cred: cred, tenantID: tenantID}
	c.Keys = &KeysService{c}
	c.Users = &UsersService{c}
	c.Tenants = &TenantsService{c}
	c.Allowlist = &AllowlistService{c}
	c.Plans = &PlansService{c}
	return c
}

// String names the client's kind without its credential.
func (c *Client) String() string {
	kind := "anonymous"
	switch c.cred.(type) {
	case keyCredential:
		kind = "api key"
	case *session:
		kind = "session"
	}
	if c.tenantID != "" {
		return fmt.Sprintf("portcullis.Client(%s, %s, tenant %s)", c.conn.baseURL, kind, c.tenantID)
	}
	return fmt.Sprintf("portcullis.Client(%s, %s)", c.conn.baseURL, kind)
}

// GoString keeps %#v from printing the credential.
func (c *Client) GoString() string { return c.String() }

// ForTenant is the same credential acting for another tenant (X-Tenant-ID): for a platform admin's key.
func (c *Client) ForTenant(tenantID string) *Client {
	return sharing(c.conn, c.cred, tenantID)
}

// Login returns a client acting as this user; it refreshes its access token by itself.
func (c *Client) Login(ctx context.Context, email, password, tenantID string) (*Client, error) {
	var t tokens
	err := c.conn.send(ctx, call{method: http.MethodPost, path: "/auth/login", secrets: []string{password},
		body: map[string]string{"email": email, "password": password, "tenant_id": tenantID}}, &t)
	if err != nil {
		return nil, err
	}
	s := &session{conn: c.conn}
	s.accept(t)
	return sharing(c.conn, s, ""), nil
}

// User is the logged-in user; nil for an API-key client.
func (c *Client) User() *SessionUser {
	if s, ok := c.cred.(*session); ok {
		s.mu.Lock()
		defer s.mu.Unlock()
		user := s.user
		return &user
	}
	return nil
}

// AccessToken is the session's current access token, for handing on; empty for an API-key client or after Logout.
func (c *Client) AccessToken() Secret {
	if s, ok := c.cred.(*session); ok {
		return Secret(s.current())
	}
	return ""
}

// Logout ends the session on the server: its access and refresh tokens stop working, and the
// client returns ErrSessionEnded after.
func (c *Client) Logout(ctx context.Context) error {
	s, ok := c.cred.(*session)
	if !ok {
		return errors.New("portcullis: Logout ends a session; API keys are revoked with Keys.Revoke")
	}
	err := c.Request(ctx, http.MethodPost, "/auth/logout", nil, nil)
	if errors.Is(err, ErrSessionEnded) {
		return nil
	}
	if err != nil && !unauthorized(err) { // a 401: the server had ended it already
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.end()
	return nil
}

// Health answers who the credential is: TenantID names its tenant.
func (c *Client) Health(ctx context.Context) (*Health, error) {
	var health Health
	return answer(c.Request(ctx, http.MethodGet, "/health", nil, &health), &health)
}

// VerifyKey asks, for a backend that was handed key by a client calling from clientIP (may be
// empty), whether the key is good. A refused key is a verdict with Valid false, not an error.
// A key restricted to certain routes is refused here: name the client's request with VerifyKeyFor.
func (c *Client) VerifyKey(ctx context.Context, key, clientIP string) (*KeyVerdict, error) {
	return c.VerifyKeyFor(ctx, key, clientIP, "", "")
}

// VerifyKeyFor is VerifyKey for the client's request's method and path (the path as sent, a query may
// follow): a key restricted to certain routes is refused with INSUFFICIENT_PERMISSIONS unless they name
// one of them. Empty strings are not sent.
func (c *Client) VerifyKeyFor(ctx context.Context, key, clientIP, method, path string) (*KeyVerdict, error) {
	body := map[string]string{"key": key}
	if clientIP != "" {
		body["client_ip"] = clientIP
	}
	if method != "" {
		body["method"] = method
	}
	if path != "" {
		body["path"] = path
	}
	var verdict KeyVerdict
	return answer(c.do(ctx, call{method: http.MethodPost, path: "/keys/verify", body: body, secrets: []string{key}}, &verdict), &verdict)
}

// Usage is requests allowed and refused per subject per UTC day, from and to as YYYY-MM-DD (empty: the last 7 days).
func (c *Client) Usage(ctx context.Context, from, to string) (*Usage, error) {
	query := url.Values{}
	if from != "" {
		query.Set("from", from)
	}
	if to != "" {
		query.Set("to", to)
	}
	var usage Usage
	return answer(c.do(ctx, call{method: http.MethodGet, path: "/usage", query: query}, &usage), &usage)
}

// Request is any call of the API, such as Request(ctx, "GET", "/files", nil, &files); path is
// below the base URL. body is encoded as JSON unless nil; the answer is decoded into out unless nil.
func (c *Client) Request(ctx context.Context, method, path string, body, out any) error {
	return c.do(ctx, call{method: method, path: path, body: body}, out)
}

func (c *Client) do(ctx context.Context, r call, out any) error {
	r.tenantID = c.tenantID
	sent := r.secrets
	refreshed := false
	for {
		if c.cred != nil {
			bearer, err := c.cred.bearer(ctx)
			if err != nil {
				return err
			}
			r.bearer = bearer
			r.secrets = append(c.cred.secrets(), sent...)
		}
		err := c.conn.send(ctx, r, out)
		s, isSession := c.cred.(*session)
		if !isSession || refreshed || !tokenExpired(err) {
			return err
		}
		if err := s.refreshAfter(ctx, r.bearer); err != nil {
			return err
		}
		refreshed = true
	}
}

// ListOptions: Limit is the page size (1 to 200; the server's default when 0).
type ListOptions struct {
	Limit int
}

// Iterator goes through every item of a list, fetching the next page as needed:
//
//	for it := client.Keys.List(ctx, nil); it.Next(); { key := it.Value() }
//	if err := it.Err(); err != nil { … }
type Iterator[T any] struct {
	ctx    context.Context
	client *Client
	path   string
	limit  int
	items  []T
	cursor string
	done   bool
	item   T
	err    error
}

func list[T any](ctx context.Context, client *Client, path string, options *ListOptions) *Iterator[T] {
	it := &Iterator[T]{ctx: ctx, client: client, path: path}
	if options != nil {
		it.limit = options.Limit
	}
	return it
}

// Next moves to the next item; false at the end or on an error (see Err).
func (it *Iterator[T]) Next() bool {
	for len(it.items) == 0 {
		if it.done || it.err != nil {
			return false
		}
		query := url.Values{}
		if it.cursor != "" {
			query.Set("cursor", it.cursor)
		}
		if it.limit > 0 {
			query.Set("limit", fmt.Sprint(it.limit))
		}
		var p page[T]
		if it.err = it.client.do(it.ctx, call{method: http.MethodGet, path: it.path, query: query}, &p); it.err != nil {
			return false
		}
		it.items, it.cursor, it.done = p.Data, p.NextCursor, p.NextCursor == ""
	}
	it.item, it.items = it.items[0], it.items[1:]
	return true
}

// Value is the current item.
func (it *Iterator[T]) Value() T { return it.item }

// Err is the error that stopped the iteration, if any.
func (it *Iterator[T]) Err() error { return it.err }

// All collects every item.
func (it *Iterator[T]) All() ([]T, error) {
	var all []T
	for it.Next() {
		all = append(all, it.Value())
	}
	return all, it.Err()
}

func escaped(segment string) string { return url.PathEscape(segment) }

// answer is the decoded value, or nil with the error.
func answer[T any](err error, value *T) (*T, error) {
	if err != nil {
		return nil, err
	}
	return value, nil
}
