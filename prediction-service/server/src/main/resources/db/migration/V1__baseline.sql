-- prediction-service owns hitter_prediction. Predictions, jobs and leaderboards arrive with the
-- prediction issue; this first version only claims the schema so that Flyway owns it from the start.
SELECT 1;
