-- Members' TOTP secrets are stored sealed (AES-256-GCM under a key derived from HITTER_SIGNING_KEY_ENCRYPTION_KEY,
-- the member id as associated data): "v1:" and Base64 of nonce, ciphertext and tag, 83 characters for a 32-character
-- secret. auth-service seals the plaintext secrets of earlier versions at its next start (TwoFactorStore).
ALTER TABLE member
    MODIFY COLUMN totp_secret         VARCHAR(255) NULL,
    MODIFY COLUMN totp_pending_secret VARCHAR(255) NULL;
