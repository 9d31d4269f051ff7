-- E-mail that proves ownership (docs/accounts.md, "E-mail"). Members who signed up before this existed start
-- unverified, like everyone else: they can ask for a link (resend) from the web app's banner.
ALTER TABLE member ADD COLUMN email_verified_at DATETIME(6) NULL;

-- Links mailed to members: verify the address, reset the password, move the account to a new address. Only a
-- SHA-256 of each token is stored; a token is spent once (used_at) and refused after expires_at. email is the
-- address the link was sent to: a verification link is only good while the account still has that address, and
-- an e-mail change moves the account to it.
CREATE TABLE mail_token (
    id          CHAR(36)     NOT NULL,
    member_id   CHAR(36)     NOT NULL,
    purpose     VARCHAR(16)  NOT NULL,
    token_hash  CHAR(64)     NOT NULL,
    email       VARCHAR(254) NOT NULL,
    created_at  DATETIME(6)  NOT NULL,
    expires_at  DATETIME(6)  NOT NULL,
    used_at     DATETIME(6)  NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_mail_token_hash UNIQUE (token_hash),
    CONSTRAINT fk_mail_token_member FOREIGN KEY (member_id) REFERENCES member (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX ix_mail_token_member_purpose ON mail_token (member_id, purpose);
