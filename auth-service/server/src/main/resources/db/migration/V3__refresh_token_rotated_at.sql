-- A rotated token is spent but not revoked: for hitter.auth.refresh-reuse-grace after its rotation, the token rotated
-- last in its login may be presented once more (two tabs sharing one cookie). revoked_at stays for logout and reuse.
-- Tokens rotated before this column existed carry revoked_at only, and stay refused as before.
ALTER TABLE refresh_token ADD COLUMN rotated_at DATETIME(6) NULL;
