package portcullis

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"regexp"
	"strconv"
	"strings"
)

// ErrSessionEnded is returned by a session client after Logout, or after its refresh token was refused.
var ErrSessionEnded = errors.New("portcullis: the session has ended; log in again")

// Error is a refusal by the server. Code is the error code, such as RATE_LIMIT_EXCEEDED; from a
// MedTWIN-style server it is the upper-cased "error" (every 401 is UNAUTHORIZED, every 403 FORBIDDEN).
// The usual extra fields have their own fields; Details holds every other one.
type Error struct {
	Status    int
	Code      string
	Message   string
	RequestID string

	RequiredRole  string
	RequiredScope string
	// RetryAfter is in seconds; 0 when the server gave none.
	RetryAfter int
	ExpiresAt  string
	Field      string
	Details    map[string]any
}

func (e *Error) Error() string {
	where := ""
	if e.RequestID != "" {
		where = " (request_id " + e.RequestID + ")"
	}
	return fmt.Sprintf("portcullis: %d %s: %s%s", e.Status, e.Code, e.Message, where)
}

// Keys of any family and JWTs, for secrets the client was never told about (a key pasted into the
// wrong field and echoed back by a validation message).
var secretShapes = regexp.MustCompile(`\b[A-Za-z]{2,}_(?:live|test)_[A-Za-z0-9]{20,}` +
	`|\b[A-Za-z]{2,}_tenant_[A-Za-z0-9]+_(?:test_)?[A-Za-z0-9]{20,}` +
	`|\beyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*` +
	`|\brt_[A-Za-z0-9_-]{20,}`)

const redacted = "[REDACTED]"

func redact(text string, secrets []string) string {
	for _, secret := range secrets {
		if secret != "" {
			text = strings.ReplaceAll(text, secret, redacted)
		}
	}
	return secretShapes.ReplaceAllString(text, redacted)
}

func redactValue(value any, secrets []string) any {
	switch v := value.(type) {
	case string:
		return redact(v, secrets)
	case []any:
		out := make([]any, len(v))
		for i, item := range v {
			out[i] = redactValue(item, secrets)
		}
		return out
	case map[string]any:
		out := make(map[string]any, len(v))
		for name, item := range v {
			out[name] = redactValue(item, secrets)
		}
		return out
	}
	return value
}

// ParseError builds the Error for a refused request from either style of body: AudiModal's
// {"error":{"code":"RATE_LIMIT_EXCEEDED","message":…}} or MedTWIN's flat
// {"error":"rate_limit_exceeded","message":…,"retry_after":30}. request_id falls back to the
// X-Request-ID header and retry_after to Retry-After.
func ParseError(status int, header http.Header, body []byte) *Error {
	return parseError(status, header, body, nil)
}

func parseError(status int, header http.Header, body []byte, secrets []string) *Error {
	var payload map[string]any
	_ = json.Unmarshal(body, &payload)
	fields := map[string]any{}
	code := ""
	switch errorField := payload["error"].(type) {
	case map[string]any:
		fields = errorField
		code, _ = fields["code"].(string)
		delete(fields, "code")
	case string:
		fields = payload
		code = strings.ToUpper(errorField)
		delete(fields, "error")
	}
	if code == "" {
		code = "HTTP_" + strconv.Itoa(status)
	}
	e := &Error{Status: status, Code: code, Message: "HTTP " + strconv.Itoa(status), Details: map[string]any{}}
	if message, ok := fields["message"].(string); ok && message != "" {
		e.Message = redact(message, secrets)
	}
	delete(fields, "message")
	e.RequestID = take(fields, "request_id")
	if e.RequestID == "" {
		e.RequestID = header.Get("X-Request-ID")
	}
	e.RequiredRole = take(fields, "required_role")
	e.RequiredScope = take(fields, "required_scope")
	e.ExpiresAt = take(fields, "expires_at")
	e.Field = take(fields, "field")
	if seconds, ok := fields["retry_after"].(float64); ok {
		e.RetryAfter = int(seconds)
	} else if seconds, err := strconv.Atoi(header.Get("Retry-After")); err == nil {
		e.RetryAfter = seconds
	}
	delete(fields, "retry_after")
	for name, value := range fields {
		e.Details[name] = redactValue(value, secrets)
	}
	return e
}

func take(fields map[string]any, name string) string {
	value, _ := fields[name].(string)
	delete(fields, name)
	return value
}

// tokenExpired: TOKEN_EXPIRED; in the MedTWIN style every 401 is UNAUTHORIZED, and only an expired token has expires_at.
func tokenExpired(err error) bool {
	var refused *Error
	return errors.As(err, &refused) && refused.Status == http.StatusUnauthorized &&
		(refused.Code == "TOKEN_EXPIRED" || refused.ExpiresAt != "")
}

func unauthorized(err error) bool {
	var refused *Error
	return errors.As(err, &refused) && refused.Status == http.StatusUnauthorized
}
