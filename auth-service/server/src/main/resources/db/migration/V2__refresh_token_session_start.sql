-- A login lasts at most hitter.auth.refresh-token-max-lifetime, however often it is refreshed: every token of a
-- family carries the moment its sign-in happened. Existing families start at their oldest token.
ALTER TABLE refresh_token ADD COLUMN session_started_at DATETIME(6) NULL;

UPDATE refresh_token t
    JOIN (SELECT family_id, MIN(created_at) AS started FROM refresh_token GROUP BY family_id) f
    ON f.family_id = t.family_id
SET t.session_started_at = f.started;

ALTER TABLE refresh_token MODIFY session_started_at DATETIME(6) NOT NULL;
