-- The same roles and databases as infra/scripts/prepare-postgres.sh, for the docker-compose PostgreSQL.
CREATE ROLE cloudya_auth LOGIN PASSWORD 'cloudya_auth';
CREATE ROLE cloudya_command LOGIN PASSWORD 'cloudya_command';
CREATE ROLE cloudya_token LOGIN PASSWORD 'cloudya_token';
CREATE ROLE cloudya_billing LOGIN PASSWORD 'cloudya_billing';
CREATE ROLE cloudya_ai LOGIN PASSWORD 'cloudya_ai';
CREATE DATABASE cloudya_auth OWNER cloudya_auth;
CREATE DATABASE cloudya_command OWNER cloudya_command;
CREATE DATABASE cloudya_token OWNER cloudya_token;
CREATE DATABASE cloudya_billing OWNER cloudya_billing;
CREATE DATABASE cloudya_ai OWNER cloudya_ai;
