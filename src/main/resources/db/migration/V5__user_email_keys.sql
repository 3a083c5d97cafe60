-- What users are told apart by: the email folded so that look-alikes are the same address
-- (users.control.EmailAddress). Filled for existing users by V6, made unique per tenant by V7.
ALTER TABLE users ADD COLUMN email_key VARCHAR(320);
