-- A key's last use is kept in its usage row of that day, which the usage flush writes anyway, instead of
-- in api_keys as well: at a hundred thousand active keys the second write (a table with six indexes,
-- every flush, every active key) was half of the database's work. A key's last use is now the newest
-- of its rows' (same epoch milliseconds as before).
ALTER TABLE usage_daily ADD COLUMN last_used_at BIGINT;

-- The value kept so far goes to the key's newest usage row: both were written by the same flush.
UPDATE usage_daily SET last_used_at = (SELECT k.last_used_at FROM api_keys k WHERE k.id = usage_daily.subject_id)
 WHERE usage_day = (SELECT MAX(n.usage_day) FROM usage_daily n WHERE n.subject_id = usage_daily.subject_id);

-- A key with a last use but no usage row (not written that way, but nothing is lost if it was): a row of
-- no requests on the day of that use.
INSERT INTO usage_daily (id, subject_id, tenant_id, usage_day, allowed, refused, updated_at, last_used_at)
SELECT k.id || '@' || CAST(k.last_used_at / 86400000 AS VARCHAR(20)), k.id, k.tenant_id, k.last_used_at / 86400000,
       0, 0, k.last_used_at, k.last_used_at
  FROM api_keys k
 WHERE k.last_used_at IS NOT NULL AND NOT EXISTS (SELECT 1 FROM usage_daily u WHERE u.subject_id = k.id);

-- api_keys.last_used_at is no longer written nor read. It stays for now so that a node of the previous
-- version, still running while this one migrates, can finish its flushes instead of failing them.
