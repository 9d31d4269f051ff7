-- community-service owns hitter_community. Posts, comments and likes arrive with the community issue;
-- this first version only claims the schema so that Flyway owns it from the start.
SELECT 1;
