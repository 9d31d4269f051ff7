-- Signing keys (docs/identity.md "Signing keys"): the private half encrypted at rest, and rotation.
-- key_format says how private_key is stored: PLAIN (PKCS#8, Base64; only rows written before this version, which
-- auth-service encrypts at its next start) or AES256GCM (nonce + ciphertext, Base64; the key id is the associated data).
-- A key is published in the key set from created_at, signs from activates_at, and leaves the key set at retires_at
-- (null: not yet decided), once every token it signed has expired.
ALTER TABLE signing_key
    ADD COLUMN key_format   VARCHAR(16) NOT NULL DEFAULT 'PLAIN' AFTER private_key,
    ADD COLUMN activates_at DATETIME(6) NULL AFTER created_at,
    ADD COLUMN retires_at   DATETIME(6) NULL AFTER activates_at;

UPDATE signing_key SET activates_at = created_at;

ALTER TABLE signing_key MODIFY COLUMN activates_at DATETIME(6) NOT NULL;

-- One row that a rotation (and the encryption of plaintext rows) locks (SELECT … FOR UPDATE) for its transaction:
-- replicas take turns, and the second reads the keys only after the first committed. A lock on one primary-key row
-- takes no gap locks, so two replicas cannot deadlock on it as they could locking every key row.
CREATE TABLE signing_key_lock (
    id TINYINT NOT NULL,
    PRIMARY KEY (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

INSERT INTO signing_key_lock (id) VALUES (1);
